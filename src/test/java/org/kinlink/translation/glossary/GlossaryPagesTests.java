package org.kinlink.translation.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.audit.AuditTrail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The glossary pages on real PostgreSQL: reviewers keep the glossary (audited), translators read and export it,
 * imports are all or nothing with every problem told in the reader's language, and no bad file gives an error
 * page. Works on the Dari glossaries, which no other test uses.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GlossaryPagesTests {

	static final String BOUNDARY = "----kinlink-glossary-boundary";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	Glossary glossary;

	@AfterEach
	void removeTerms() {
		jdbc.sql("delete from translation.glossary_term where source_language = 'prs'").update();
		jdbc.sql("update translation.glossary_revision set revision = revision + 1").update();
	}

	@Test
	void letsAReviewerAddEditAndDeleteATermEachAudited() throws Exception {
		mvc.perform(add("کابل", "Kabul", "PLACE")).andExpect(redirectedUrl("/staff/glossary?source=prs&target=en"));
		GlossaryTerm added = only("prs", "en");
		assertThat(added.renderings()).containsExactly("Kabul");
		assertThat(added.kind()).isEqualTo(TermKind.PLACE);

		Document edit = html(get("/staff/glossary/{id}/edit", added.id()), reviewer());
		assertThat(edit.select("input[name=version]").val()).isEqualTo("0");
		mvc.perform(post("/staff/glossary/{id}", added.id()).with(reviewer()).with(csrf()).param("kind", "PLACE")
			.param("term", "كابل").param("renderings", "Kabul\r\nKabol\n\n").param("version", "0"))
			.andExpect(redirectedUrl("/staff/glossary?source=prs&target=en"));
		assertThat(only("prs", "en").renderings()).containsExactly("Kabul", "Kabol");
		mvc.perform(post("/staff/glossary/{id}", added.id()).with(reviewer()).with(csrf()).param("kind", "PLACE")
			.param("term", "کابل").param("renderings", "Kabuli").param("version", "0")).andExpect(status().isConflict());

		mvc.perform(post("/staff/glossary/{id}/delete", added.id()).with(reviewer()).with(csrf()))
			.andExpect(redirectedUrl("/staff/glossary?source=prs&target=en"));
		assertThat(glossary.terms(new LanguagePair("prs", "en"))).isEmpty();
		assertThat(audit.latest(200, Long.MAX_VALUE)).filteredOn(e -> added.id().toString().equals(e.recordId()))
			.extracting(e -> e.action()).contains("glossary.term.add", "glossary.term.edit", "glossary.term.delete");
	}

	@Test
	void simultaneousAddsOfOneTermKeepOneAndTellTheOthersItExists() throws Exception {
		LanguagePair pair = new LanguagePair("prs", "sq");
		TermDraft draft = new TermDraft(TermKind.PLACE, "هرات", List.of("Herat"), null);
		int writers = 8;
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
		try {
			List<java.util.concurrent.Future<java.util.Map<String, String>>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < writers; i++) {
				String who = "reviewer-" + i;
				answers.add(pool.submit(() -> {
					start.await();
					return glossary.add(pair, draft, who);
				}));
			}
			List<java.util.Map<String, String>> problems = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<java.util.Map<String, String>> answer : answers) {
				problems.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)); // none may throw
			}
			assertThat(problems).filteredOn(java.util.Map::isEmpty).hasSize(1);
			assertThat(problems).filteredOn(p -> !p.isEmpty())
				.hasSize(writers - 1)
				.allMatch(p -> "glossary.error.exists".equals(p.get("term")));
			assertThat(glossary.terms(pair)).singleElement().satisfies(t -> assertThat(t.renderings()).containsExactly("Herat"));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void letsTranslatorsReadAndExportButNotChange() throws Exception {
		mvc.perform(add("هرات", "Herat", "PLACE")).andExpect(status().is3xxRedirection());

		Document page = html(get("/staff/glossary").param("source", "prs").param("target", "en"), translator());
		assertThat(page.select("tr.glossary-term td.term-source").eachText()).containsExactly("هرات");
		assertThat(page.select("form.glossary-add, form[enctype]")).isEmpty();
		mvc.perform(post("/staff/glossary").with(translator()).with(csrf()).param("source", "prs").param("target", "en")
			.param("kind", "PLACE").param("term", "بلخ").param("renderings", "Balkh")).andExpect(status().isForbidden());

		String csv = mvc.perform(get("/staff/glossary/export.csv").param("source", "prs").param("target", "en").with(translator()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"glossary-prs-en.csv\""))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).isEqualTo("\uFEFFprs,en,kind,note\r\nهرات,Herat,place,\r\n");
		String tbx = mvc.perform(get("/staff/glossary/export.tbx").param("source", "prs").param("target", "en").with(translator()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(tbx).contains("<langSec xml:lang=\"prs\"><termSec><term>هرات</term></termSec></langSec>");
	}

	@Test
	void refusesBadTermsWithAMessageInTheReadersLanguage() throws Exception {
		mvc.perform(add("مزار شریف", "Mazar-i-Sharif", "PLACE")).andExpect(status().is3xxRedirection());

		Document duplicate = html(add("مزار‌شريف", "Mazari Sharif", "PLACE").header("Accept-Language", "fa"), reviewer());
		assertThat(duplicate.select(".invalid-feedback").eachText()).containsExactly("این اصطلاح از پیش در واژه‌نامه هست.");
		Document contact = html(add("دفتر کابل", "zyra: +93 70 123 4567", "INSTITUTION").header("Accept-Language", "sq"), reviewer());
		assertThat(contact.select(".invalid-feedback").text()).contains("nuk duhet të mbajë të dhëna kontakti");
		Document empty = html(add(" ", "", "SPACESHIP"), reviewer());
		assertThat(empty.select(".invalid-feedback").eachText()).containsExactly("Please choose a place, an institution or a term.");
		Document blank = html(add(" ", "", "TERM"), reviewer());
		assertThat(blank.select(".invalid-feedback").eachText()).containsExactly("Please enter the term.",
				"Please enter at least one rendering.");
		assertThat(glossary.terms(new LanguagePair("prs", "sq"))).isEmpty();
		assertThat(glossary.terms(new LanguagePair("prs", "en"))).hasSize(1);
	}

	@Test
	void answersUnknownPairsAndTermsWithNotFound() throws Exception {
		mvc.perform(get("/staff/glossary").param("source", "fa").param("target", "fa").with(translator()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/staff/glossary").param("source", "de").with(translator())).andExpect(status().isNotFound());
		mvc.perform(get("/staff/glossary/{id}/edit", UUID.randomUUID()).with(reviewer())).andExpect(status().isNotFound());
		mvc.perform(post("/staff/glossary/{id}/delete", UUID.randomUUID()).with(reviewer()).with(csrf()))
			.andExpect(status().isNotFound());
		Document page = html(get("/staff/glossary"), reviewer());
		assertThat(page.select("a.nav-link.active").text()).isEqualTo("Persian → Albanian");
		assertThat(page.selectFirst("form[enctype=multipart/form-data]").attr("action")).contains("_csrf=");
	}

	@Test
	void importsACsvFileWholeAndUpdatesTermsAlreadyThere() throws Exception {
		mvc.perform(add("کابل", "Kabul", "PLACE")).andExpect(status().is3xxRedirection());
		String csv = "\uFEFFprs,en,kind,note\r\nکابل,Kabul|Kabol,place,capital\r\n\"وزارت امور خارجه\",Ministry of Foreign Affairs,institution,\r\n";

		mvc.perform(upload("prs", "en", "glossary.csv", csv.getBytes(StandardCharsets.UTF_8)))
			.andExpect(redirectedUrl("/staff/glossary?source=prs&target=en"));

		List<GlossaryTerm> terms = glossary.terms(new LanguagePair("prs", "en"));
		assertThat(terms).extracting(GlossaryTerm::term, GlossaryTerm::renderings).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple("کابل", List.of("Kabul", "Kabol")),
				org.assertj.core.groups.Tuple.tuple("وزارت امور خارجه", List.of("Ministry of Foreign Affairs")));
		assertThat(audit.latest(50, Long.MAX_VALUE)).anyMatch(e -> e.action().equals("glossary.import")
				&& "1 added, 1 updated".equals(e.detail()));
	}

	@Test
	void importsNothingFromAFileWithAnyProblemAndSaysWhichRows() throws Exception {
		String csv = "prs,en,kind\nهرات,Herat,place\n,Nowhere,place\nهرات,Herat again,place\nبلخ,Balkh,city\nغزنی,ghazni@example.org,place\n";

		Document page = html(upload("prs", "en", "glossary.csv", csv.getBytes(StandardCharsets.UTF_8)), reviewer());

		assertThat(page.select(".import-problems li").eachText()).containsExactly("Row 3: Please enter the term.",
				"Row 4: the term is already in row 2 of the file.",
				"Row 5: the kind \"city\" is unknown; use place, institution or term.",
				"Row 6: This looks like an e-mail address or a telephone number. The glossary is shared by all translators and must not hold personal contact data.");
		assertThat(glossary.terms(new LanguagePair("prs", "en"))).isEmpty();
	}

	@Test
	void refusesBadFilesWithAClearMessageAndNeverAnErrorPage() throws Exception {
		assertThat(importProblems("prs", "en", "g.csv", "fa,sq\nکابل,Kabul\n".getBytes(StandardCharsets.UTF_8)))
			.containsExactly("The file is for the languages \"fa\" and \"sq\", but this glossary is prs → en.");
		assertThat(importProblems("prs", "en", "g.tbx", "<tbx><text><body>".getBytes(StandardCharsets.UTF_8)))
			.containsExactly("The file is not well-formed XML.");
		assertThat(importProblems("prs", "en", "g.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF }))
			.containsExactly("The file is not UTF-8 text. Please save it as CSV (UTF-8) or TBX.");
		assertThat(importProblems("prs", "en", "g.csv", new byte[0])).containsExactly("The file holds no terms.");
		byte[] huge = new byte[GlossaryFiles.MAX_BYTES + 10];
		java.util.Arrays.fill(huge, (byte) 'a');
		assertThat(importProblems("prs", "en", "g.csv", huge)).containsExactly("The file is larger than 5 MB.");
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE tbx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<tbx><text><body><conceptEntry><langSec xml:lang=\"prs\"><termSec><term>&x;</term></termSec></langSec>"
				+ "<langSec xml:lang=\"en\"><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>";
		List<String> problems = importProblems("prs", "en", "g.tbx", xxe.getBytes(StandardCharsets.UTF_8));
		assertThat(problems).singleElement().asString().contains("DOCTYPE").doesNotContain("root:");
		Document notMultipart = html(post("/staff/glossary/import").param("source", "prs").param("target", "en").with(csrf()),
				reviewer());
		assertThat(notMultipart.select(".import-problems li").eachText()).containsExactly("Please choose a CSV or TBX file.");
		assertThat(glossary.terms(new LanguagePair("prs", "en"))).isEmpty();
	}

	private List<String> importProblems(String source, String target, String name, byte[] bytes) throws Exception {
		return html(upload(source, target, name, bytes), reviewer()).select(".import-problems li").eachText();
	}

	private GlossaryTerm only(String source, String target) {
		List<GlossaryTerm> terms = glossary.terms(new LanguagePair(source, target));
		assertThat(terms).hasSize(1);
		return terms.get(0);
	}

	private MockHttpServletRequestBuilder add(String term, String renderings, String kind) {
		return post("/staff/glossary").with(reviewer()).with(csrf()).param("source", "prs").param("target", "en")
			.param("kind", kind).param("term", term).param("renderings", renderings);
	}

	private MockHttpServletRequestBuilder upload(String source, String target, String name, byte[] bytes) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(bytes);
		body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return post("/staff/glossary/import").param("source", source).param("target", target).with(reviewer()).with(csrf())
			.contentType("multipart/form-data; boundary=" + BOUNDARY)
			.content(body.toByteArray());
	}

	private Document html(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private static RequestPostProcessor translator() {
		return user("gert").roles("TRANSLATOR");
	}

	private static RequestPostProcessor reviewer() {
		return user("gina").roles("REVIEWER");
	}

}
