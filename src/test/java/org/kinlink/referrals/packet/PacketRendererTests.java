package org.kinlink.referrals.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kinlink.referrals.ReferralsTestSupport;
import org.kinlink.referrals.UpstreamFakes;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The packet PDF read back with PDFBox: the Persian original comes out in logical order, word by word (so
 * it was shaped and ordered right to left), with the Albanian translation, the enclosure digests and the
 * reference on every page. The sentence is line 12 of NTREX-128 newstest2019 (Persian and Albanian
 * references; CC BY-SA 4.0, Federmann, Kocmi, Xin 2022), see {@link UpstreamFakes}.
 */
class PacketRendererTests extends ReferralsTestSupport {

	static final String REFERENCE = "KL-REF-2026-0042";

	static final Instant DATE = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	PacketRenderer renderer;

	static PacketContent packet(String language, String translationLanguage, String translation, int letters) {
		String original = String.join("\n", java.util.Collections.nCopies(12, UpstreamFakes.PERSIAN));
		List<PacketContent.Letter> all = java.util.stream.IntStream.rangeClosed(1, letters)
			.mapToObj(i -> new PacketContent.Letter("KL-2026-000" + i, Instant.parse("2026-02-01T09:00:00Z"), "مریم احمدی / Maryam Ahmadi",
					"مادر", "علی احمدی", "Ali Ahmadi", "حسن", 1985, translationLanguage, List.of(translation), "fa", original))
			.toList();
		return new PacketContent(REFERENCE, language, DATE, "Policia e Shtetit", "Sheshi Skënderbej 3\nTiranë", 30, all);
	}

	@Test
	void persianOriginalExtractsInLogicalOrderBesideTheAlbanianTranslation() throws IOException {
		RenderedPacket packet = renderer.render(packet("sq", "sq", UpstreamFakes.ALBANIAN, 2));
		String text = text(packet.pdf());
		String flat = collapse(text);

		assertThat(flat).contains(UpstreamFakes.PERSIAN);
		int from = 0;
		for (String word : UpstreamFakes.PERSIAN.split(" ")) {
			int at = flat.indexOf(word, from);
			assertThat(at).as("word %s after position %d", word, from).isGreaterThanOrEqualTo(from);
			from = at + word.length();
		}
		assertThat(flat).contains(collapse(UpstreamFakes.ALBANIAN));
		assertThat(flat).contains("Referim i mesazheve të familjeve", "Referenca jonë: " + REFERENCE, "Data: 1 mars 2026",
				"brenda 30 ditëve", "Përkthimi në shqip", "علی احمدی", "Ali Ahmadi");
		assertThat(text).doesNotContainPattern("[\\uFB50-\\uFDFF\\uFE70-\\uFEFF]");
	}

	@Test
	void takesTheOriginalsLabelAndDirectionFromTheLettersLanguage() {
		for (String[] c : new String[][] { { "fa", "rtl", "Original letter (Persian)" }, { "prs", "rtl", "Original letter (Dari)" },
				{ "en", "ltr", "Original letter (English)" }, { "sq", "ltr", "Original letter (Albanian)" } }) {
			PacketContent.Letter letter = new PacketContent.Letter("KL-2026-0001", Instant.parse("2026-02-01T09:00:00Z"), "Maryam Ahmadi",
					"mother", "علی احمدی", "Ali Ahmadi", null, null, "en", List.of(UpstreamFakes.ENGLISH), c[0], "Dear Ali");
			String xhtml = renderer.xhtml(new PacketContent(REFERENCE, "en", DATE, "Ministry", "Tirana", 30, List.of(letter)), List.of());
			assertThat(xhtml).as(c[0]).contains(c[2]).contains("dir=\"" + c[1] + "\" lang=\"" + c[0] + "\"");
		}
	}

	@Test
	void printsEachTranslationSegmentAsItsOwnParagraph() throws IOException {
		PacketContent content = packet("sq", "sq", UpstreamFakes.ALBANIAN, 1);
		PacketContent.Letter one = content.letters().get(0);
		PacketContent.Letter split = new PacketContent.Letter(one.messageReference(), one.receivedAt(), one.senderName(),
				one.relationship(), one.addresseeNamePersian(), one.addresseeNameLatin(), one.addresseeFatherName(),
				one.addresseeBirthYear(), "sq", List.of("I dashur Ali,", "Jemi mirë."), "fa", one.original());
		RenderedPacket packet = renderer.render(new PacketContent(REFERENCE, "sq", DATE, "Policia e Shtetit", "Tiranë", 30, List.of(split)));
		assertThat(text(packet.pdf()).lines().map(String::strip).toList()).containsSubsequence("I dashur Ali,", "Jemi mirë.");
		assertThat(packet.enclosures().get(0).sha256()).isEqualTo(Digests.sha256("I dashur Ali,\nJemi mirë."));
	}

	@Test
	void printsTheReferenceOnEveryPage() throws IOException {
		RenderedPacket packet = renderer.render(packet("sq", "sq", UpstreamFakes.ALBANIAN, 3));
		try (PDDocument document = Loader.loadPDF(packet.pdf())) {
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(4);
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				assertThat(stripper.getText(document)).as("page %d", page).contains("Referimi " + REFERENCE);
			}
		}
	}

	@Test
	void listsEveryEnclosureWithItsSha256() throws IOException {
		RenderedPacket packet = renderer.render(packet("en", "sq", UpstreamFakes.ALBANIAN, 1));
		String original = String.join("\n", java.util.Collections.nCopies(12, UpstreamFakes.PERSIAN));
		assertThat(packet.enclosures()).extracting(Enclosure::sha256)
			.containsExactly(Digests.sha256(UpstreamFakes.ALBANIAN), Digests.sha256(original));
		assertThat(packet.sha256()).isEqualTo(Digests.sha256(packet.pdf()));
		String dense = text(packet.pdf()).replaceAll("\\s+", "");
		assertThat(dense).contains(Digests.sha256(UpstreamFakes.ALBANIAN), Digests.sha256(original));
		assertThat(collapse(text(packet.pdf()))).contains("Message KL-2026-0001: translation into Albanian",
				"Message KL-2026-0001: original letter in Persian", "Date: March 1, 2026", "Translation into Albanian");
	}

	@Test
	void writesThePersianCoverLetterRightToLeftWithAJalaliDate() throws IOException {
		RenderedPacket packet = renderer.render(packet("fa", "en", UpstreamFakes.ENGLISH, 1));
		String flat = collapse(text(packet.pdf()));
		assertThat(flat).contains("ارجاع پیام‌های خانواده‌ها", "با سلام و احترام،", REFERENCE, UpstreamFakes.PERSIAN,
				collapse(UpstreamFakes.ENGLISH), "ترجمه به انگلیسی");
		// 1 March 2026 is 10 Esfand 1404. PDFBox reads a right-to-left line that mixes digits and letters with a
		// left-to-right base, so the parts of the date are checked one by one (the page itself reads right).
		assertThat(flat).contains("اسفند", "۱۴۰۴", "۱۰").doesNotContain("March");
	}

	@Test
	void embedsFontsWithPersianAndLatinGlyphs() throws IOException {
		RenderedPacket packet = renderer.render(packet("sq", "sq", UpstreamFakes.ALBANIAN, 1));
		Set<String> embedded = new HashSet<>();
		try (PDDocument document = Loader.loadPDF(packet.pdf())) {
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					if (font.isEmbedded()) {
						embedded.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
					}
				}
			}
		}
		assertThat(embedded).anyMatch(n -> n.startsWith("NotoNaskhArabic")).anyMatch(n -> n.startsWith("NotoSans"));
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static String collapse(String text) {
		return text.replaceAll("\\s+", " ");
	}

}
