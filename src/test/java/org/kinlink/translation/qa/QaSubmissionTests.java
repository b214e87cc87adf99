package org.kinlink.translation.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.translation.glossary.Glossary;
import org.kinlink.translation.glossary.LanguagePair;
import org.kinlink.translation.glossary.TermDraft;
import org.kinlink.translation.glossary.TermKind;
import org.kinlink.translation.tasks.TaskFixtures;
import org.kinlink.translation.tasks.TaskState;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The editor with the glossary and the QA checks, on real PostgreSQL: glossary terms marked in the source, a
 * blocking finding keeps the task in progress whatever the translator confirms, warnings (glossary terms not
 * used, the addressee's registered spelling) pass once confirmed. The second and third sentences are NTREX-128
 * lines 120 and 630 (CC BY-SA 4.0, github.com/MicrosoftTranslator/NTREX); the fixtures link every letter to
 * a person registered as علی احمدی / Ali Ahmadi.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QaSubmissionTests {

	static final String LETTER = "علی احمدی عزیز، سلام. "
			+ "با وجود تکانهای زمین که در اندونزی به طور مداوم در حال وقوع است، اما باید گفت این کشور متاسفانه در برابر خشم طبیعت خیلی آماده نیست. "
			+ "ری در روز شنبه در مجمع عمومی سازمان ملل این سخنان را گفت.";

	static final List<String> ALBANIAN = List.of("I dashur Ali Ahmadi, përshëndetje.",
			"Duke pasur parasysh lëkundjet e shpeshta të tokës që pëson Indonezia, vendi mbetet tejet i papërgatitur përballë zemërimit të natyrës.",
			"Ri po mbante një fjalim ditën e shtunë përpara Asamblesë së Përgjithshme të Kombeve të Bashkuara.");

	static final String QA_USER = "qa-glossary-test";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Glossary glossary;

	@Autowired
	JdbcClient jdbc;

	TaskFixtures fixtures;

	UUID taskId;

	@BeforeEach
	void takeALetterWithGlossaryTerms() throws Exception {
		LanguagePair pair = new LanguagePair("fa", "sq");
		glossary.add(pair, new TermDraft(TermKind.PLACE, "اندونزی", List.of("Indonezia"), null), QA_USER);
		glossary.add(pair, new TermDraft(TermKind.INSTITUTION, "سازمان ملل", List.of("Kombet e Bashkuara", "OKB"),
				"United Nations"), QA_USER);
		fixtures = TaskFixtures.from(context);
		UUID messageId = fixtures.acceptedLetter(LETTER);
		taskId = fixtures.taken(messageId, "sq", "tara").id();
	}

	@AfterEach
	void removeTerms() {
		jdbc.sql("delete from translation.glossary_term where created_by = ?").param(QA_USER).update();
		jdbc.sql("update translation.glossary_revision set revision = revision + 1").update();
	}

	@Test
	void marksGlossaryTermsInTheSourceWithTheirRenderings() throws Exception {
		Document editor = page(mvc.perform(get("/staff/translations/{id}", taskId).with(translator()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

		List<Element> sources = editor.select("td.segment-source");
		assertThat(sources).hasSize(3);
		assertThat(sources.get(0).select("ul.segment-terms")).isEmpty();
		assertThat(sources.get(1).select("ul.segment-terms li").eachText()).containsExactly("اندونزی → Indonezia");
		assertThat(sources.get(2).select("ul.segment-terms li").eachText())
			.containsExactly("سازمان ملل → Kombet e Bashkuara / OKB · United Nations");
		assertThat(editor.select(".aid-actions a[href='/staff/glossary?source=fa&target=sq']")).hasSize(1);
	}

	@Test
	void keepsASubmissionWithABlockingFindingInProgressWithTheMessageShown() throws Exception {
		String withoutTerm = "Duke pasur parasysh lëkundjet e shpeshta të tokës, vendi mbetet tejet i papërgatitur.";

		Document page = page(mvc.perform(editor("submitForReview", " ", withoutTerm, ALBANIAN.get(2)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

		assertThat(page.select("li.qa-blocking").eachText()).containsExactly("Sentence 1 has no translation.");
		assertThat(page.select("li.qa-warning").eachText()).containsExactly(
				"Sentence 2: the glossary gives these renderings, not used in the translation: اندونزی → Indonezia");
		assertThat(page.select("button[name=submitAnyway]")).isEmpty();
		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.IN_PROGRESS);

		mvc.perform(editor("submitAnyway", " ", withoutTerm, ALBANIAN.get(2))).andExpect(status().isOk());
		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.IN_PROGRESS);
	}

	@Test
	void warnsAboutTheAddresseesSpellingInPersianAndSubmitsOnceConfirmed() throws Exception {
		String misspelt = "I dashur Aly Ahmady, përshëndetje.";

		Document page = page(mvc.perform(editor("submitForReview", misspelt, ALBANIAN.get(1), ALBANIAN.get(2))
			.header("Accept-Language", "fa")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));

		assertThat(page.select("li.qa-warning").eachText()).containsExactly(
				"جمله‌ی ۱: کسی که این پیام برای اوست با املای «Ali Ahmadi» ثبت شده است؛ لطفاً نام را همین‌گونه بنویسید.");
		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.IN_PROGRESS);

		mvc.perform(editor("submitAnyway", misspelt, ALBANIAN.get(1), ALBANIAN.get(2)))
			.andExpect(redirectedUrl("/staff/translations"));
		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.TRANSLATED);
	}

	@Test
	void submitsAGoodTranslationWithoutAsking() throws Exception {
		mvc.perform(editor("submitForReview", ALBANIAN.toArray(String[]::new))).andExpect(redirectedUrl("/staff/translations"));

		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.TRANSLATED);
	}

	private MockHttpServletRequestBuilder editor(String button, String... targets) {
		MockHttpServletRequestBuilder request = post("/staff/translations/{id}", taskId).with(translator()).with(csrf())
			.param(button, "");
		for (int i = 0; i < targets.length; i++) {
			request.param("targets[" + i + "]", targets[i]);
		}
		return request;
	}

	private static Document page(String html) {
		return Jsoup.parse(html);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor translator() {
		return user("tara").roles("TRANSLATOR");
	}

}
