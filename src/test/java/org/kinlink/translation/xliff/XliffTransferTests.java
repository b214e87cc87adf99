package org.kinlink.translation.xliff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.translation.tasks.TaskFixtures;
import org.kinlink.translation.tasks.TranslationTask;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * XLIFF 2.0 out and back in through the pages, on real PostgreSQL: the export's shape, an outside translator's
 * file taken back with its QA findings, each bad file refused with a message in the translator's language and
 * nothing changed, and nobody but the task's translator (while in progress) reaching either. The second and
 * third sentences of the letter are NTREX-128 line 147 (CC BY-SA 4.0).
 */
@SpringBootTest
@AutoConfigureMockMvc
class XliffTransferTests {

	static final String LETTER = "مادر عزیزم، سلام.\n"
			+ "سخنگوی آژانس Sutopo Purwo Nugroho در یک کنفرانس خبری گفت: بسیاری از مردم در خرابه‌های ساختمانهایی که در زمین لرزه ۷٫۵ ریشتری ویران شده به دام افتاده‌اند. "
			+ "ارتفاع موجها تا ۲۰ فوت (۶ متر)رسیده است.";

	static final String BOUNDARY = "----kinlink-xliff-boundary";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	TaskFixtures fixtures;

	UUID messageId;

	UUID taskId;

	@BeforeEach
	void takeTask() {
		fixtures = TaskFixtures.from(context);
		messageId = fixtures.acceptedLetter(LETTER);
		taskId = fixtures.taken(messageId, "sq", "tina").id();
	}

	@Test
	void exportsTheTaskAsXliff20WithOneUnitPerSentenceAndTheTargetsSoFar() throws Exception {
		mvc.perform(post("/staff/translations/{id}", taskId).with(translator("tina")).with(csrf())
			.param("saveDraft", "").param("targets[0]", "E dashura nënë, përshëndetje.")).andExpect(status().is3xxRedirection());

		MockHttpServletResponse response = mvc.perform(get("/staff/translations/{id}/xliff", taskId).with(translator("tina")))
			.andExpect(status().isOk()).andReturn().getResponse();

		assertThat(response.getContentType()).startsWith("application/xliff+xml");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains("-sq.xlf");
		XMLStreamReader xml = XliffReader.factory().createXMLStreamReader(new ByteArrayInputStream(response.getContentAsByteArray()));
		List<String> units = new ArrayList<>();
		List<String> sources = new ArrayList<>();
		while (xml.hasNext()) {
			if (xml.next() == XMLStreamConstants.START_ELEMENT) {
				switch (xml.getLocalName()) {
					case "xliff" -> {
						assertThat(xml.getNamespaceURI()).isEqualTo("urn:oasis:names:tc:xliff:document:2.0");
						assertThat(xml.getAttributeValue(null, "version")).isEqualTo("2.0");
						assertThat(xml.getAttributeValue(null, "srcLang")).isEqualTo("fa");
						assertThat(xml.getAttributeValue(null, "trgLang")).isEqualTo("sq");
					}
					case "file" -> assertThat(xml.getAttributeValue(null, "id")).isEqualTo(taskId.toString());
					case "unit" -> units.add(xml.getAttributeValue(null, "id"));
					case "source" -> sources.add(xml.getElementText());
					default -> { }
				}
			}
		}
		assertThat(units).containsExactly("1", "2", "3");
		assertThat(sources.get(1)).contains("Sutopo Purwo Nugroho").contains("۷٫۵");
		assertThat(XliffReader.read(response.getContentAsByteArray(), new XliffReader.Expected(taskId, "fa", "sq", 3)))
			.containsExactly(java.util.Map.entry(1, "E dashura nënë, përshëndetje."));
		assertThat(auditOf(taskId)).anyMatch(entry -> entry.action().equals("translation.xliff.export"));
	}

	@Test
	void theEditorOffersTheDownloadAndTheUploadWithItsToken() throws Exception {
		Document editor = html(get("/staff/translations/{id}", taskId), translator("tina"));

		assertThat(editor.select("a[href$=/xliff]").text()).isEqualTo("Download XLIFF");
		assertThat(editor.select("form[enctype=multipart/form-data][action*=/xliff?_csrf=] input[type=file][name=file]")).hasSize(1);
	}

	@Test
	void takesBackAnOutsideTranslatorsFileSavesTheTargetsAndShowsTheQaFindings() throws Exception {
		String file = XliffReaderTests.catToolOutput(taskId);

		Document result = html(upload(file.getBytes(StandardCharsets.UTF_8)), translator("tina"));

		assertThat(result.select(".xliff-done").text()).contains("2 units").contains("2 sentences changed");
		assertThat(result.select(".qa-findings li").eachText()).contains("Sentence 3 has no translation.");
		Document editor = html(get("/staff/translations/{id}", taskId), translator("tina"));
		assertThat(editor.select("textarea[name=targets[0]]").text()).isEqualTo("E dashura nënë, përshëndetje.");
		assertThat(editor.select("textarea[name=targets[1]]").text()).startsWith("Zëdhënësi i agjencisë tha:");
		assertThat(editor.select("textarea[name=targets[2]]").text()).isEmpty();
		assertThat(auditOf(taskId)).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo("translation.xliff.import");
			assertThat(entry.detail()).isEqualTo("units=2 changed=2");
		});
	}

	@Test
	void refusesEachBadFileWithAMessageAndChangesNothing() throws Exception {
		String good = XliffReaderTests.catToolOutput(taskId);
		assertRefused("not xml at all".getBytes(StandardCharsets.UTF_8),
				"This file is not XML, or it is broken. Export it again from your tool as XLIFF 2.0.");
		assertRefused("""
				<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a" source-language="fa" target-language="sq" datatype="plaintext"><body/></file></xliff>
				""".getBytes(StandardCharsets.UTF_8),
				"This is XLIFF 1.2; Kinlink takes back only XLIFF 2.0. Export the project from your tool as XLIFF 2.0.");
		assertRefused(XliffReaderTests.catToolOutput(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
				"This file belongs to another task. Import it into the task it was downloaded from.");
		assertRefused(good.replace("sq-AL", "en-GB").getBytes(StandardCharsets.UTF_8),
				"The file is from fa-IR into en-GB, but this task translates fa into sq.");
		assertRefused(good.replace("<unit id=\"3\">", "<unit id=\"7\">").getBytes(StandardCharsets.UTF_8),
				"The file has a unit \"7\" that this task does not have (its sentences are numbered 1 to 3).");
		assertRefused(good.replace("Zëdhënësi i ", "Zëdhënësi<ph id=\"1\"/> i ").getBytes(StandardCharsets.UTF_8),
				"The translation of sentence 2 holds an inline code (<ph>) that Kinlink cannot keep: its sentences are plain text. Remove the tag in your tool and export again.");
		assertRefused(good.replace("Zëdhënësi i ", "Zëdhënësi\u202e i ").getBytes(StandardCharsets.UTF_8),
				"The translation of sentence 2 contains invisible or direction-changing characters. Remove them and export again.");
		byte[] large = new byte[2 * 1024 * 1024 + 1];
		java.util.Arrays.fill(large, (byte) ' ');
		assertRefused(large, "The file is too large: at most 2,048 KB.");
		assertRefused(new byte[0], "Choose an XLIFF file to import.");

		assertThat(html(get("/staff/translations/{id}", taskId), translator("tina")).select("textarea[name=targets[0]]").text()).isEmpty();
		assertThat(auditOf(taskId)).anyMatch(entry -> entry.action().equals("translation.xliff.import")
				&& "xliff.error.version".equals(entry.detail()));
	}

	@Test
	void refusesAnExternalEntityWithoutReadingIt() throws Exception {
		java.nio.file.Path secret = java.nio.file.Files.createTempFile("kinlink-xxe", ".txt");
		java.nio.file.Files.writeString(secret, "CANARY-XXE-0815");
		String xxe = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE xliff [ <!ENTITY xxe SYSTEM "%s"> ]>
				<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fa" trgLang="sq">
				 <file id="%s"><unit id="1"><segment><source>x</source><target>&xxe;</target></segment></unit></file>
				</xliff>""".formatted(secret.toUri(), taskId);
		try {
			String page = mvc.perform(upload(xxe.getBytes(StandardCharsets.UTF_8)).with(translator("tina")))
				.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

			assertThat(page).doesNotContain("CANARY-XXE-0815");
			assertThat(Jsoup.parse(page).select(".xliff-error").text()).isIn(
					"The file has a DOCTYPE declaration, which Kinlink does not accept. Export it again as XLIFF 2.0 without one.",
					"This file is not XML, or it is broken. Export it again from your tool as XLIFF 2.0.");
			assertThat(html(get("/staff/translations/{id}", taskId), translator("tina")).html()).doesNotContain("CANARY-XXE-0815");
		}
		finally {
			java.nio.file.Files.deleteIfExists(secret);
		}
	}

	@Test
	void tellsTheTranslatorInPersianWhyAFileIsRefused() throws Exception {
		String page = mvc.perform(post("/staff/translations/{id}/xliff?lang=fa", taskId).with(csrf())
			.contentType("multipart/form-data; boundary=" + BOUNDARY).content(multipart("not xml".getBytes(StandardCharsets.UTF_8)))
			.with(translator("tina"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(Jsoup.parse(page).select(".xliff-error").text())
			.isEqualTo("این فایل XML نیست یا آسیب دیده است. آن را دوباره از ابزار خود به شکل XLIFF 2.0 خروجی بگیرید.");
	}

	@Test
	void onlyTheTranslatorOfATaskInProgressReachesIt() throws Exception {
		byte[] file = XliffReaderTests.catToolOutput(taskId).getBytes(StandardCharsets.UTF_8);
		mvc.perform(get("/staff/translations/{id}/xliff", taskId).with(translator("tom"))).andExpect(status().isNotFound());
		mvc.perform(upload(file).with(translator("tom"))).andExpect(status().isNotFound());
		mvc.perform(get("/staff/translations/{id}/xliff", taskId).with(user("rita").roles("REVIEWER"))).andExpect(status().isForbidden());
		UUID english = fixtures.task(messageId, "en").id();
		mvc.perform(get("/staff/translations/{id}/xliff", english).with(translator("tina"))).andExpect(status().isNotFound());

		TranslationTask submitted = fixtures.translated(fixtures.acceptedLetter(LETTER), "sq", "tina",
				List.of("E dashura nënë, përshëndetje.", "Zëdhënësi Sutopo Purwo Nugroho tha: 7,5.", "Dallgët 20 këmbë (6 metra)."));
		mvc.perform(get("/staff/translations/{id}/xliff", submitted.id()).with(translator("tina"))).andExpect(status().isNotFound());
		mvc.perform(upload(file).with(translator("tina"))).andExpect(status().isOk());
	}

	private MockHttpServletRequestBuilder upload(byte[] file) throws Exception {
		return post("/staff/translations/{id}/xliff", taskId).with(csrf())
			.contentType("multipart/form-data; boundary=" + BOUNDARY)
			.content(multipart(file));
	}

	static byte[] multipart(byte[] file) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n").getBytes(StandardCharsets.UTF_8));
		out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"letter-sq.xlf\"\r\n"
				+ "Content-Type: application/xliff+xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.write(file);
		out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private void assertRefused(byte[] file, String message) throws Exception {
		String page = mvc.perform(upload(file).with(translator("tina"))).andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(page).select(".xliff-error").text()).isEqualTo(message);
	}

	private Document html(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private List<AuditEntry> auditOf(UUID id) {
		return audit.latest(500, Long.MAX_VALUE).stream().filter(e -> id.toString().equals(e.recordId())).toList();
	}

	private static RequestPostProcessor translator(String name) {
		return user(name).roles("TRANSLATOR");
	}

}
