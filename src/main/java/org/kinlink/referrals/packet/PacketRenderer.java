package org.kinlink.referrals.packet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.kinlink.shared.i18n.Formats;
import org.kinlink.shared.i18n.Languages;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds a referral packet as PDF: a Thymeleaf template rendered in the recipient's language, laid out by
 * openhtmltopdf with ICU bidi splitting, reordering and Arabic-script shaping so that Persian is shaped and
 * ordered right to left (and extracts in logical order). Noto Sans and Noto Naskh Arabic are embedded.
 */
@Component
public class PacketRenderer {

	static final String TEMPLATE = "referrals/packet";

	static final String LATIN_FONT = "NotoSans";

	static final String ARABIC_FONT = "NotoNaskhArabic";

	private static final List<String> LETTER_LANGUAGES = List.of("fa", "prs", "en", "sq");

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final Formats formats;

	public PacketRenderer(ITemplateEngine templates, MessageSource messages, Formats formats) {
		this.templates = templates;
		this.messages = messages;
		this.formats = formats;
	}

	/** A letter as the template shows it: the values plus dates and language names already in the reader's form. */
	record LetterPage(PacketContent.Letter letter, String receivedOn, String originalLanguageName) {
	}

	public RenderedPacket render(PacketContent content) {
		Locale locale = localeOf(content.language());
		List<Enclosure> enclosures = enclosures(content, locale);
		byte[] pdf = toPdf(xmlSafe(xhtml(content, enclosures)), Languages.isRightToLeft(locale));
		return new RenderedPacket(pdf, Digests.sha256(pdf), enclosures);
	}

	/** The packet as the XHTML that is laid out into the PDF. */
	String xhtml(PacketContent content, List<Enclosure> enclosures) {
		Locale locale = localeOf(content.language());
		boolean rtl = Languages.isRightToLeft(locale);
		Context context = new Context(locale);
		context.setVariable("packet", content);
		context.setVariable("rtl", rtl);
		context.setVariable("lang", locale.getLanguage());
		context.setVariable("dateText", formats.date(content.date(), locale));
		// The reference stays in ASCII digits in every language: the authority quotes it back to us.
		context.setVariable("referenceText", content.reference());
		context.setVariable("deadlineText", formats.number(content.acknowledgeWithinDays(), locale));
		context.setVariable("letters", content.letters().stream()
			.map(l -> new LetterPage(l, formats.date(l.receivedAt(), locale), languageName(l.originalLanguage(), locale)))
			.toList());
		context.setVariable("enclosures", enclosures);
		return templates.process(TEMPLATE, context);
	}

	private List<Enclosure> enclosures(PacketContent content, Locale locale) {
		List<Enclosure> enclosures = new ArrayList<>();
		if (content.notice() != null) {
			enclosures.add(new Enclosure(messages.getMessage("referrals.packet.enclosure.notice",
					new Object[] { content.reference() }, locale), Digests.sha256(content.notice().text())));
		}
		for (PacketContent.Letter letter : content.letters()) {
			String language = languageName(letter.translationLanguage(), locale);
			enclosures.add(new Enclosure(messages.getMessage("referrals.packet.enclosure.translation",
					new Object[] { letter.messageReference(), language }, locale), Digests.sha256(letter.translationText())));
			enclosures.add(new Enclosure(messages.getMessage("referrals.packet.enclosure.original",
					new Object[] { letter.messageReference(), languageName(letter.originalLanguage(), locale) }, locale),
					Digests.sha256(letter.original())));
			for (PacketContent.FileText file : letter.fileTexts()) {
				enclosures.add(new Enclosure(messages.getMessage("referrals.packet.enclosure.fileTranslation",
						new Object[] { letter.messageReference(), formats.number(file.fileNumber(), locale), language }, locale),
						Digests.sha256(file.translationText())));
			}
			for (PacketContent.Scan scan : letter.scans()) {
				enclosures.add(new Enclosure(messages.getMessage("referrals.packet.enclosure.scan",
						new Object[] { letter.messageReference(), formats.number(scan.fileNumber(), locale),
								formats.number(scan.page(), locale) }, locale), scan.sha256()));
			}
			for (PacketContent.Video video : letter.videos()) {
				String size = formats.number(Math.max(1, Math.round(video.size() / 1_048_576.0)), locale);
				String title = video.attached()
						? messages.getMessage("referrals.packet.enclosure.videoAttached", new Object[] {
								letter.messageReference(), formats.number(video.fileNumber(), locale),
								languageName(video.language(), locale), size }, locale)
						: messages.getMessage("referrals.packet.enclosure.videoLink", new Object[] {
								letter.messageReference(), formats.number(video.fileNumber(), locale),
								languageName(video.language(), locale), size, video.link(),
								formats.date(video.linkExpiresAt(), locale) }, locale);
				enclosures.add(new Enclosure(title, video.sha256()));
			}
		}
		return enclosures;
	}

	/** The name of a letter's language in the reader's language; a language without a name of its own is "other". */
	private String languageName(String language, Locale locale) {
		String code = language != null && LETTER_LANGUAGES.contains(language) ? language : "other";
		return messages.getMessage("referrals.language." + code, null, locale);
	}

	/** Characters XML 1.0 does not allow (NUL and other controls, lone surrogates, U+FFFE/FFFF). */
	private static final java.util.regex.Pattern NOT_XML = java.util.regex.Pattern
		.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

	/**
	 * The page with characters XML cannot hold shown as U+FFFD: a letter may carry any of them, and the PDF
	 * parser would refuse the whole packet (found by PacketFuzzTests). Digests are taken over the texts
	 * themselves, not over the page.
	 */
	static String xmlSafe(String xhtml) {
		return NOT_XML.matcher(xhtml).replaceAll("\uFFFD");
	}

	private static byte[] toPdf(String xhtml, boolean rtl) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
			builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
			builder.defaultTextDirection(rtl ? TextDirection.RTL : TextDirection.LTR);
			font(builder, "NotoSans-Regular.ttf", LATIN_FONT, 400);
			font(builder, "NotoSans-Bold.ttf", LATIN_FONT, 700);
			font(builder, "NotoNaskhArabic-Regular.ttf", ARABIC_FONT, 400);
			font(builder, "NotoNaskhArabic-Bold.ttf", ARABIC_FONT, 700);
			// Packets load nothing from outside: only the scans embedded as data: URIs are read, no other URI is
			// resolved, so a stray link cannot leak a request.
			builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:image/") ? uri : null);
			builder.withProducer("Kinlink");
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
		builder.useFont(() -> {
			InputStream in = PacketRenderer.class.getResourceAsStream("/fonts/" + file);
			if (in == null) {
				throw new UncheckedIOException(new IOException("font missing: " + file));
			}
			return in;
		}, family, weight, FontStyle.NORMAL, true);
	}

	static Locale localeOf(String language) {
		Locale locale = Languages.supported(language);
		return locale == null ? Languages.ENGLISH : locale;
	}

}
