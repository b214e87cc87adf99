package org.kinlink.translation.web;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.MessageStatus;
import org.kinlink.translation.tasks.TaskFixtures;
import org.kinlink.translation.tasks.TaskState;
import org.kinlink.translation.tasks.TranslationTask;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The translation pages for each role, on real PostgreSQL: who sees which task, the editor and its checks,
 * review and approval with four eyes. The second and third sentences of the letter are NTREX-128 line 147
 * (CC BY-SA 4.0, see ntrex128-fas-excerpt.tsv).
 */
@SpringBootTest
@AutoConfigureMockMvc
class TranslationPagesTests {

	static final String LETTER = "مادر عزیزم، سلام.\n"
			+ "سخنگوی آژانس Sutopo Purwo Nugroho در یک کنفرانس خبری گفت: بسیاری از مردم در خرابه‌های ساختمانهایی که در زمین لرزه ۷٫۵ ریشتری ویران شده به دام افتاده‌اند. "
			+ "ارتفاع موجها تا ۲۰ فوت (۶ متر)رسیده است.";

	static final List<String> ALBANIAN = List.of("E dashura nënë, përshëndetje.",
			"Zëdhënësi i agjencisë Sutopo Purwo Nugroho tha në një konferencë për shtyp: shumë njerëz kanë mbetur nën rrënojat e ndërtesave të shkatërruara nga tërmeti 7,5 ballë.",
			"Dallgët kanë arritur deri në 20 këmbë (6 metra).");

	static final List<String> ENGLISH = List.of("Dear mother, hello.",
			"Agency spokesman Sutopo Purwo Nugroho told a news conference: many people are trapped in the rubble of buildings destroyed by the 7.5 magnitude earthquake.",
			"The waves reached up to 20 feet (6 meters).");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FamilyMessages messages;

	TaskFixtures fixtures;

	UUID messageId;

	@BeforeEach
	void openTasks() {
		fixtures = TaskFixtures.from(context);
		messageId = fixtures.acceptedLetter(LETTER);
	}

	@Test
	void opensAnAlbanianAndAnEnglishTaskOfThreeSentencesSealed() {
		TranslationTask albanian = fixtures.task(messageId, "sq");
		TranslationTask english = fixtures.task(messageId, "en");

		assertThat(albanian.segmentCount()).isEqualTo(3);
		assertThat(english.segmentCount()).isEqualTo(3);
		assertThat(albanian.state()).isEqualTo(TaskState.OPEN);
		List<byte[]> stored = jdbc.sql("select source from translation.segment where task_id = ?").param(albanian.id())
			.query(byte[].class).list();
		assertThat(stored).hasSize(3).noneMatch(bytes -> new String(bytes, StandardCharsets.UTF_8).contains("Sutopo"));
	}

	@Test
	void listsOpenTasksWithReferenceLanguagesAndSizeButNoText() throws Exception {
		Document page = html(get("/staff/translations"), translator("tina"));

		Element row = rowOf(page, "tr.open-task", fixtures.task(messageId, "sq").reference());
		assertThat(row.text()).contains("Persian → Albanian").contains("3");
		assertThat(page.text()).doesNotContain("Sutopo").doesNotContain("مادر عزیزم");
	}

	@Test
	void showsTheTakenTaskSideBySideToItsTranslatorOnly() throws Exception {
		UUID taskId = take("tina", "sq");

		Document editor = html(get("/staff/translations/{id}", taskId), translator("tina"));

		List<Element> sources = editor.select("td.segment-source");
		assertThat(sources).hasSize(3);
		assertThat(sources.get(0).attr("lang")).isEqualTo("fa");
		assertThat(sources.get(0).attr("dir")).isEqualTo("rtl");
		assertThat(sources.get(1).text()).contains("Sutopo Purwo Nugroho").contains("۷٫۵");
		Element target = editor.selectFirst("td.segment-target");
		assertThat(target.attr("lang")).isEqualTo("sq");
		assertThat(target.attr("dir")).isEqualTo("ltr");
		assertThat(editor.select("textarea[name=targets[2]]")).hasSize(1);
		assertThat(editor.select("button[name=saveDraft]")).hasSize(1);
		assertThat(editor.select("td.segment-pivot")).isEmpty();
		assertThat(auditOf(taskId)).anyMatch(e -> e.action().equals("translation.segments.read")
				&& e.outcome() == AuditEvent.Outcome.SUCCESS && "tina".equals(e.actor()));

		mvc.perform(get("/staff/translations/{id}", taskId).with(translator("tom"))).andExpect(status().isNotFound());
		mvc.perform(post("/staff/translations/{id}", taskId).with(translator("tom")).with(csrf())
			.param("targets[0]", "x").param("saveDraft", "")).andExpect(status().isNotFound());
		mvc.perform(get("/staff/translations/{id}", taskId).with(reviewer("rita"))).andExpect(status().isNotFound());
		assertThat(auditOf(taskId)).anyMatch(e -> e.outcome() == AuditEvent.Outcome.DENIED && "tom".equals(e.actor()));
	}

	@Test
	void keepsOpenTasksTextFromEveryone() throws Exception {
		UUID taskId = fixtures.task(messageId, "sq").id();

		mvc.perform(get("/staff/translations/{id}", taskId).with(translator("tina"))).andExpect(status().isNotFound());
		mvc.perform(get("/staff/translations/{id}", taskId).with(reviewer("rita"))).andExpect(status().isNotFound());
	}

	@Test
	void refusesOtherRolesAndAnonymousVisitors() throws Exception {
		UUID taskId = take("tina", "sq");

		mvc.perform(get("/staff/translations").with(user("ian").roles("INTAKE"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/translations/{id}", taskId).with(user("ian").roles("INTAKE", "CASEWORKER")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/staff/translations/{id}/approve", taskId).with(translator("tom")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/staff/translations/{id}/take", taskId).with(reviewer("rita")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/translations")).andExpect(status().is3xxRedirection());
	}

	@Test
	void answersUnknownAndMalformedIdsWithoutAnError() throws Exception {
		mvc.perform(get("/staff/translations/{id}", UUID.randomUUID()).with(translator("tina")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/staff/translations/{id}/take", UUID.randomUUID()).with(translator("tina")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/staff/translations/not-a-task").with(translator("tina"))).andExpect(status().isBadRequest());
	}

	@Test
	void refusesATakenTaskTakenAgainAndACraftedSegmentIndex() throws Exception {
		UUID taskId = take("tina", "sq");

		mvc.perform(post("/staff/translations/{id}/take", taskId).with(translator("tom")).with(csrf()))
			.andExpect(status().isConflict());
		mvc.perform(post("/staff/translations/{id}", taskId).with(translator("tina")).with(csrf())
			.param("saveDraft", "").param("targets[1000000]", "x").param("targets[9999]", "y"))
			.andExpect(redirectedUrl("/staff/translations/" + taskId));
		assertThat(fixtures.task(taskId).translator()).isEqualTo("tina");
	}

	@Test
	void savesADraftSealedAndKeepsTheTaskInProgress() throws Exception {
		UUID taskId = take("tina", "sq");

		mvc.perform(editor(taskId, "tina", "save", ALBANIAN.get(0), "", ""))
			.andExpect(redirectedUrl("/staff/translations/" + taskId));

		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.IN_PROGRESS);
		Document editor = html(get("/staff/translations/{id}", taskId), translator("tina"));
		assertThat(editor.select("textarea[name=targets[0]]").text()).isEqualTo(ALBANIAN.get(0));
		List<byte[]> targets = jdbc.sql("select target from translation.segment where task_id = ? and target is not null")
			.param(taskId).query(byte[].class).list();
		assertThat(targets).hasSize(1).noneMatch(b -> new String(b, StandardCharsets.UTF_8).contains("dashura"));
		assertThat(auditOf(taskId)).anyMatch(e -> e.action().equals("translation.segments.save"));
	}

	@Test
	void refusesToSubmitWithEmptySegmentsWithAClearMessage() throws Exception {
		UUID taskId = take("tina", "sq");

		Document page = Jsoup.parse(mvc.perform(editor(taskId, "tina", "submit", ALBANIAN.get(0), " ", ALBANIAN.get(2)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

		assertThat(page.text()).contains("Every sentence needs a translation before you can submit")
			.contains("Sentence 2 has no translation.");
		assertThat(page.select("button[name=submitAnyway]")).isEmpty();
		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.IN_PROGRESS);

		mvc.perform(editor(taskId, "tina", "confirm", ALBANIAN.get(0), "", ALBANIAN.get(2)))
			.andExpect(status().isOk());
		assertThat(fixtures.task(taskId).state()).as("confirming cannot skip an empty segment")
			.isEqualTo(TaskState.IN_PROGRESS);
	}

	@Test
	void refusesOverLongAndHiddenCharacterSegmentsAndKeepsWhatWasTyped() throws Exception {
		UUID taskId = take("tina", "sq");
		String tooLong = "a".repeat(EditorForm.MAX_SEGMENT_LENGTH + 1);

		Document page = Jsoup.parse(mvc.perform(editor(taskId, "tina", "save", ALBANIAN.get(0), tooLong,
				"Dallgët\u202E arritën 20 këmbë (6 metra)."))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

		assertThat(page.select("textarea.is-invalid")).hasSize(2);
		assertThat(page.text()).contains("This translation is too long: at most 5,000 characters per sentence.")
			.contains("invisible or direction-changing characters");
		assertThat(page.select("textarea[name=targets[0]]").text()).isEqualTo(ALBANIAN.get(0));
		assertThat(jdbc.sql("select count(*) from translation.segment where task_id = ? and target is not null")
			.param(taskId).query(Long.class).single()).as("nothing saved").isZero();

		mvc.perform(editor(taskId, "tina", "save", "b".repeat(EditorForm.MAX_SEGMENT_LENGTH), "\u200Bx", ""))
			.andExpect(status().isOk());
		mvc.perform(editor(taskId, "tina", "save", "b".repeat(EditorForm.MAX_SEGMENT_LENGTH), "", ""))
			.andExpect(redirectedUrl("/staff/translations/" + taskId));
	}

	@Test
	void warnsAboutCopiedTextMissingNumbersAndNamesThenSubmitsOnConfirmation() throws Exception {
		UUID taskId = take("tina", "sq");
		String sloppy = "Zëdhënësi tha: shumë njerëz kanë mbetur nën rrënoja pas tërmetit.";

		Document page = Jsoup.parse(mvc.perform(editor(taskId, "tina", "submit", "مادر عزیزم، سلام.", sloppy,
				ALBANIAN.get(2))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

		assertThat(page.select("li.qa-warning").eachText()).containsExactly(
				"Sentence 1: the translation is the same as the original.",
				"Sentence 2: these numbers of the original are missing: 7.5",
				"Sentence 2: these names of the original are missing: Sutopo, Purwo, Nugroho");
		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.IN_PROGRESS);

		mvc.perform(editor(taskId, "tina", "confirm", "مادر عزیزم، سلام.", sloppy, ALBANIAN.get(2)))
			.andExpect(redirectedUrl("/staff/translations"));
		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.TRANSLATED);
		assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.TRANSLATED);
	}

	@Test
	void reviewsApprovesAndNeverLetsTheTranslatorApproveOwnWork() throws Exception {
		UUID taskId = fixtures.translated(messageId, "sq", "tina", ALBANIAN).id();
		RequestPostProcessor translatorAndReviewer = user("tina").roles("TRANSLATOR", "REVIEWER");

		Document own = html(get("/staff/translations/{id}", taskId), translatorAndReviewer);
		assertThat(own.select("form[action$=/approve], form[action$=/reviewed]")).isEmpty();
		mvc.perform(post("/staff/translations/{id}/reviewed", taskId).with(translatorAndReviewer).with(csrf()))
			.andExpect(status().isForbidden());

		Document review = html(get("/staff/translations/{id}", taskId), reviewer("rita"));
		assertThat(review.select("td.segment-target .target-text").get(1).text()).isEqualTo(ALBANIAN.get(1));
		assertThat(review.select("td.segment-source").get(1).attr("dir")).isEqualTo("rtl");
		mvc.perform(post("/staff/translations/{id}/approve", taskId).with(reviewer("rita")).with(csrf()))
			.andExpect(status().isConflict());
		mvc.perform(post("/staff/translations/{id}/reviewed", taskId).with(reviewer("rita")).with(csrf()))
			.andExpect(redirectedUrl("/staff/translations/" + taskId));

		String refusal = mvc.perform(post("/staff/translations/{id}/approve", taskId).with(translatorAndReviewer).with(csrf()))
			.andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refusal).contains("someone else must review and approve it");
		assertThat(auditOf(taskId)).anyMatch(e -> e.action().equals("translation.task.approve")
				&& e.outcome() == AuditEvent.Outcome.DENIED && "tina".equals(e.actor()));

		mvc.perform(post("/staff/translations/{id}/approve", taskId).with(reviewer("anna")).with(csrf()))
			.andExpect(redirectedUrl("/staff/translations"));
		TranslationTask approved = fixtures.task(taskId);
		assertThat(approved.state()).isEqualTo(TaskState.APPROVED);
		assertThat(approved.reviewer()).isEqualTo("rita");
		assertThat(approved.approver()).isEqualTo("anna");
		assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.APPROVED);
		mvc.perform(get("/staff/translations/{id}", taskId).with(reviewer("rita"))).andExpect(status().isNotFound());
	}

	@Test
	void listsTasksAwaitingReviewForReviewersButNotTheirOwn() throws Exception {
		String reference = fixtures.translated(messageId, "en", "tina", ENGLISH).reference();

		Document forRita = html(get("/staff/translations"), reviewer("rita"));
		Document forTina = html(get("/staff/translations"), user("tina").roles("TRANSLATOR", "REVIEWER"));

		assertThat(rowOf(forRita, "tr.review-task", reference).text()).contains("Persian → English").contains("tina");
		assertThat(forRita.select("tr.open-task")).isEmpty();
		assertThat(forTina.select("tr.review-task").eachText()).noneMatch(t -> t.contains(reference));
		assertThat(rowOf(forTina, "tr.my-task", reference).text()).contains("Translated");
	}

	@Test
	void returnsWithACommentTheTranslatorThenReads() throws Exception {
		UUID taskId = fixtures.reviewed(messageId, "sq", "tina", "rita", ALBANIAN).id();

		Document blank = Jsoup.parse(mvc.perform(post("/staff/translations/{id}/return", taskId).with(reviewer("anna"))
			.with(csrf()).param("comment", "  ")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(blank.select("textarea[name=comment].is-invalid")).hasSize(1);
		mvc.perform(post("/staff/translations/{id}/return", taskId).with(reviewer("anna")).with(csrf())
			.param("comment", "Fjalia 2: \u202Ekontrollo")).andExpect(status().isOk());
		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.REVIEWED);

		mvc.perform(post("/staff/translations/{id}/return", taskId).with(reviewer("anna")).with(csrf())
			.param("comment", "Fjalia 2: \"ballë\" duhet të jetë \"magnitudë\".")).andExpect(redirectedUrl("/staff/translations"));

		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.IN_PROGRESS);
		Document editor = html(get("/staff/translations/{id}", taskId), translator("tina"));
		assertThat(editor.select(".review-comment").text()).contains("anna").contains("duhet të jetë \"magnitudë\"");
		assertThat(editor.select("textarea[name=targets[1]]").text()).isEqualTo(ALBANIAN.get(1));
		assertThat(jdbc.sql("select comment from translation.task_comment where task_id = ?").param(taskId)
			.query(byte[].class).single()).asString(StandardCharsets.UTF_8).doesNotContain("magnitud");
	}

	@Test
	void showsTheEnglishPivotToTheAlbanianTranslatorOnceEnglishIsTranslated() throws Exception {
		UUID albanianId = take("tina", "sq");
		assertThat(html(get("/staff/translations/{id}", albanianId), translator("tina")).select("#viaEnglish")).isEmpty();

		fixtures.translated(messageId, "en", "eric", ENGLISH);
		Document editor = html(get("/staff/translations/{id}", albanianId), translator("tina"));

		assertThat(editor.select("td.segment-pivot").eachText()).containsExactlyElementsOf(ENGLISH);
		assertThat(editor.select("td.segment-pivot").first().attr("lang")).isEqualTo("en");
		mvc.perform(editor(albanianId, "tina", "submit", ALBANIAN.toArray(String[]::new)).param("viaEnglish", "on"))
			.andExpect(redirectedUrl("/staff/translations"));
		assertThat(fixtures.task(albanianId).viaEnglish()).isTrue();
		assertThat(html(get("/staff/translations/{id}", albanianId), reviewer("rita")).select("td.segment-pivot"))
			.hasSize(3);
	}

	@Test
	void showsTheEditorInPersianAndAlbanian() throws Exception {
		UUID taskId = take("tina", "sq");

		Document persian = html(get("/staff/translations/{id}", taskId).param("lang", "fa"), translator("tina"));
		Document albanian = html(get("/staff/translations").param("lang", "sq"), translator("tina"));

		assertThat(persian.select("html").attr("dir")).isEqualTo("rtl");
		assertThat(persian.select("button[name=submitForReview]").text()).isEqualTo("ارسال برای بازبینی");
		assertThat(albanian.select("h1").text()).isEqualTo("Përkthimet");
		assertThat(persian.html() + albanian.html()).doesNotContain("??");
	}

	private UUID take(String translator, String target) throws Exception {
		UUID taskId = fixtures.task(messageId, target).id();
		mvc.perform(post("/staff/translations/{id}/take", taskId).with(translator(translator)).with(csrf()))
			.andExpect(redirectedUrl("/staff/translations/" + taskId));
		return taskId;
	}

	private MockHttpServletRequestBuilder editor(UUID taskId, String translator, String action, String... targets) {
		MockHttpServletRequestBuilder request = post("/staff/translations/{id}", taskId).with(translator(translator))
			.with(csrf())
			.param(switch (action) {
				case "submit" -> "submitForReview";
				case "confirm" -> "submitAnyway";
				default -> "saveDraft";
			}, "");
		for (int i = 0; i < targets.length; i++) {
			request.param("targets[" + i + "]", targets[i]);
		}
		return request;
	}

	private Document html(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private List<AuditEntry> auditOf(UUID taskId) {
		return audit.latest(500, Long.MAX_VALUE).stream().filter(e -> taskId.toString().equals(e.recordId())).toList();
	}

	private static Element rowOf(Document page, String rows, String reference) {
		return page.select(rows).stream().filter(r -> r.text().contains(reference)).findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + reference + " in " + page.select(rows).eachText()));
	}

	private static RequestPostProcessor translator(String name) {
		return user(name).roles("TRANSLATOR");
	}

	private static RequestPostProcessor reviewer(String name) {
		return user(name).roles("REVIEWER");
	}

}
