package org.kinlink.referrals.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.kinlink.shared.i18n.Formats;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The referral packet is a PDF made of what families wrote and translators typed, in any script and
 * direction: whatever the text (markup, control characters, unpaired surrogates, bidi controls, very long
 * words), rendering never throws and gives a PDF. The renderer is built as the application builds it (the
 * same template, bundles and fonts) without a Spring context, so the fuzzer's instrumentation stays small.
 */
class PacketFuzzTests {

	private static final List<String> LANGUAGES = List.of("fa", "prs", "en", "sq", "ar", "xx");

	private static final PacketRenderer RENDERER = renderer();

	@FuzzTest(maxDuration = "60s")
	void rendersAnyLetterAsAPdf(FuzzedDataProvider data) {
		String name = data.consumeString(80);
		String latin = data.consumeString(80);
		String translation = data.consumeString(400);
		String language = data.pickValue(LANGUAGES);
		String original = data.consumeRemainingAsString();
		PacketContent.Letter letter = new PacketContent.Letter("KL-2026-0001", Instant.parse("2026-02-01T09:00:00Z"), name,
				latin, name, latin, name, 1985, "sq", List.of(translation), language, original);
		RenderedPacket packet = RENDERER.render(new PacketContent("KL-REF-2026-0001", "sq",
				Instant.parse("2026-03-01T10:00:00Z"), latin, name, 30, List.of(letter)));
		assertThat(new String(packet.pdf(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
	}

	private static PacketRenderer renderer() {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
		templates.setPrefix("templates/");
		templates.setSuffix(".html");
		templates.setTemplateMode(TemplateMode.HTML);
		templates.setCharacterEncoding("UTF-8");
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames(applicationProperty("spring.messages.basename").split(","));
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(templates);
		engine.setTemplateEngineMessageSource(messages);
		return new PacketRenderer(engine, messages, formats());
	}

	private static String applicationProperty(String name) {
		try (InputStream in = PacketFuzzTests.class.getResourceAsStream("/application.properties")) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Formats formats() {
		try {
			Constructor<Formats> constructor = Formats.class.getDeclaredConstructor(ZoneId.class);
			constructor.setAccessible(true);
			return constructor.newInstance(ZoneId.of("Europe/Tirane"));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
