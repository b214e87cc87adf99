package org.kinlink.translation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.translation.tasks.FixedEditorAids;
import org.kinlink.translation.tasks.TaskFixtures;
import org.kinlink.translation.tasks.TaskState;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The editor's autosave of one segment with its optimistic check, the provenance of targets, the reviewer's
 * work per segment with the translator's version kept, and the pivot chain, on real PostgreSQL. The letter is
 * the one of {@link TranslationPagesTests} (NTREX-128 line 147, CC BY-SA 4.0); {@link FixedEditorAids} offers
 * suggestions for its greeting and the glossary term "زمین لرزه".
 */
@SpringBootTest
@AutoConfigureMockMvc
class SegmentEditingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	TaskFixtures fixtures;

	UUID messageId;

	@BeforeEach
	void openTasks() {
		fixtures = TaskFixtures.from(context);
		messageId = fixtures.acceptedLetter(TranslationPagesTests.LETTER.replace("مادر عزیزم، سلام.", FixedEditorAids.GREETING));
	}

	@Test
	void autosavesOneSegmentThatTheEditorShowsAfterAReload() throws Exception {
		UUID taskId = take("tina");

		mvc.perform(autosave(taskId, 2, TranslationPagesTests.ALBANIAN.get(1), 0).with(translator("tina")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.provenance").value("TYPED"));

		Document editor = html(get("/staff/translations/{id}", taskId), translator("tina"));
		assertThat(editor.select("textarea[name=targets[1]]").text()).isEqualTo(TranslationPagesTests.ALBANIAN.get(1));
		assertThat(editor.select("input[name=revisions[1]]").val()).isEqualTo("1");
		assertThat(editor.select("input[name=revisions[0]]").val()).isEqualTo("0");
		assertThat(editor.select("#segment-2 .segment-provenance").text()).contains("Typed by the translator");
		assertThat(jdbc.sql("select target from translation.segment where task_id = ? and position = 1").param(taskId)
			.query(byte[].class).single()).asString(StandardCharsets.UTF_8).doesNotContain("Sutopo");
		assertThat(auditOf(taskId)).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo("translation.segment.save");
			assertThat(entry.actor()).isEqualTo("tina");
			assertThat(entry.detail()).isEqualTo("2 TYPED");
		});
	}

	@Test
	void refusesTheAutosaveOfAStaleTabAndKeepsTheTextSavedFirst() throws Exception {
		UUID taskId = take("tina");
		mvc.perform(autosave(taskId, 1, "E dashura nënë", 0).with(translator("tina"))).andExpect(status().isOk());

		mvc.perform(autosave(taskId, 1, "Nëna ime", 0).with(translator("tina")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("translation.error.segmentChanged"));
		// the same text again from the stale tab is no conflict: nothing would be lost
		mvc.perform(autosave(taskId, 1, "E dashura nënë", 0).with(translator("tina")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(1));

		assertThat(html(get("/staff/translations/{id}", taskId), translator("tina")).select("textarea[name=targets[0]]").text())
			.isEqualTo("E dashura nënë");
	}

	@Test
	void refusesAutosavesOfOthersWithoutTokenWithHiddenCharactersOrAfterSubmission() throws Exception {
		UUID taskId = take("tina");

		mvc.perform(autosave(taskId, 1, "x", 0).with(translator("toni"))).andExpect(status().isNotFound());
		mvc.perform(post("/staff/translations/{id}/segments/1", taskId).param("target", "x").param("revision", "0")
			.with(translator("tina"))).andExpect(status().isForbidden());
		mvc.perform(autosave(taskId, 1, "E dashura\u202E nënë", 0).with(translator("tina")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("translation.segment.hiddenCharacters"));
		mvc.perform(autosave(taskId, 1, "x".repeat(EditorForm.MAX_SEGMENT_LENGTH + 1), 0).with(translator("tina")))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/staff/translations/{id}/segments/1", taskId).param("target", "x").param("revision", "one")
			.with(translator("tina")).with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(autosave(taskId, 99, "x", 0).with(translator("tina"))).andExpect(status().isNotFound());
		mvc.perform(post("/staff/translations/{id}/segments/first", taskId).param("target", "x").param("revision", "0")
			.with(translator("tina")).with(csrf())).andExpect(status().isNotFound());

		fixtures.translated(messageId, "en", "eric", TranslationPagesTests.ENGLISH);
		UUID english = fixtures.task(messageId, "en").id();
		mvc.perform(autosave(english, 1, "Hello", 1).with(translator("eric"))).andExpect(status().isConflict());
		assertThat(auditOf(taskId)).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo("translation.segments.save");
			assertThat(entry.actor()).isEqualTo("toni");
			assertThat(entry.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
		});
	}

	@Test
	void recordsAnInsertedSuggestionAsProvenanceOnlyWhileItsTextIsUnchanged() throws Exception {
		UUID taskId = take("tina");

		mvc.perform(autosave(taskId, 1, FixedEditorAids.EXACT, 0).param("origin", suggestionNumber(taskId, FixedEditorAids.EXACT))
			.with(translator("tina")))
			.andExpect(jsonPath("$.provenance").value("MEMORY"));
		assertThat(html(get("/staff/translations/{id}", taskId), translator("tina")).select("#segment-1 .segment-provenance").text())
			.contains("From the translation memory (100%)");

		mvc.perform(autosave(taskId, 1, FixedEditorAids.MACHINE, 1).param("origin", suggestionNumber(taskId, FixedEditorAids.MACHINE))
			.with(translator("tina")))
			.andExpect(jsonPath("$.provenance").value("MACHINE"));
		assertThat(jdbc.sql("select provenance_label from translation.segment where task_id = ? and position = 0")
			.param(taskId).query(String.class).single()).isEqualTo(FixedEditorAids.ENGINE);

		mvc.perform(autosave(taskId, 1, FixedEditorAids.FUZZY + " Si je?", 2).param("origin", suggestionNumber(taskId, FixedEditorAids.FUZZY))
			.with(translator("tina")))
			.andExpect(jsonPath("$.provenance").value("TYPED"));
		mvc.perform(autosave(taskId, 2, "Tekst", 0).param("origin", "1").with(translator("tina")))
			.andExpect(jsonPath("$.provenance").value("TYPED"));
	}

	@Test
	void theUseButtonTakesASuggestionWithoutJavaScript() throws Exception {
		UUID taskId = take("tina");

		mvc.perform(post("/staff/translations/{id}", taskId).with(translator("tina")).with(csrf())
			.param("targets[0]", "").param("targets[1]", "Zëdhënësi").param("use", "1-" + suggestionNumber(taskId, FixedEditorAids.MACHINE)))
			.andExpect(redirectedUrl("/staff/translations/" + taskId + "#segment-1"));

		Document editor = html(get("/staff/translations/{id}", taskId), translator("tina"));
		assertThat(editor.select("textarea[name=targets[0]]").text()).isEqualTo(FixedEditorAids.MACHINE);
		assertThat(editor.select("textarea[name=targets[1]]").text()).isEqualTo("Zëdhënësi");
		assertThat(editor.select("#segment-1 .segment-provenance").text())
			.contains("From the machine translation engine " + FixedEditorAids.ENGINE);
		// a crafted value is ignored: nothing is taken
		mvc.perform(post("/staff/translations/{id}", taskId).with(translator("tina")).with(csrf())
			.param("targets[0]", FixedEditorAids.MACHINE).param("use", "1-9"))
			.andExpect(status().is3xxRedirection());
	}

	/**
	 * The number the editor gives the suggestion with this text in the first sentence: the memory of the shared
	 * test database may offer more than the fixed aids, so the numbers are read, not assumed.
	 */
	String suggestionNumber(UUID taskId, String text) throws Exception {
		return html(get("/staff/translations/{id}", taskId), translator("tina")).select("#segment-1 li[data-suggestion]")
			.stream()
			.filter(li -> li.select(".suggestion-text").text().equals(text))
			.findFirst()
			.orElseThrow()
			.attr("data-suggestion");
	}

	@Test
	void theFormSaveDoesNotOverwriteASegmentChangedInAnotherTab() throws Exception {
		UUID taskId = take("tina");
		mvc.perform(autosave(taskId, 1, "E dashura nënë", 0).with(translator("tina"))).andExpect(status().isOk());

		Document page = html(post("/staff/translations/{id}", taskId).with(csrf()).param("saveDraft", "")
			.param("targets[0]", "Nëna ime").param("revisions[0]", "0").param("targets[1]", "Zëdhënësi")
			.param("revisions[1]", "0"), translator("tina"));

		assertThat(page.select(".alert-danger").text()).contains("changed in another window");
		assertThat(page.select("tr.segment-conflict").eachAttr("id")).containsExactly("segment-1");
		assertThat(page.select("textarea[name=targets[0]]").text()).isEqualTo("Nëna ime");
		assertThat(page.select("input[name=revisions[0]]").val()).isEqualTo("1");
		assertThat(html(get("/staff/translations/{id}", taskId), translator("tina")).select("textarea[name=targets[1]]").text())
			.isEmpty();
	}

	@Test
	void highlightsGlossaryTermsInPlaceAndNumbersTheSuggestionsWithTheirScoreEngineAndDifferences() throws Exception {
		UUID taskId = take("tina");

		Document editor = html(get("/staff/translations/{id}", taskId), translator("tina"));

		assertThat(editor.select("#segment-2 td.segment-source .source-text mark.glossary-term").text()).isEqualTo(FixedEditorAids.TERM);
		assertThat(editor.select("#segment-2 td.segment-source mark.glossary-term").attr("title")).isEqualTo("tërmet");
		assertThat(editor.select("#segment-1 li.suggestion").eachAttr("data-suggestion")).containsExactly("1", "2", "3");
		assertThat(editor.select("#segment-1 .suggestion-score").eachText()).containsExactly("Memory 100%", "Memory 82%");
		assertThat(editor.select("#segment-1 .suggestion-engine").text()).contains(FixedEditorAids.ENGINE);
		assertThat(editor.select("#segment-1 .suggestion-diff del").text()).contains("درود!");
		assertThat(editor.select("#segment-1 .suggestion-diff ins").text()).contains("سلام.");
		assertThat(editor.select("#segment-1 button[name=use]").eachAttr("value")).containsExactly("1-1", "1-2", "1-3");
		assertThat(editor.select("script[src*=/js/translation-editor]")).hasSize(1);
		assertThat(editor.select("script").stream().filter(s -> s.attr("src").isBlank())).isEmpty();
		assertThat(editor.select("#editor-form").attr("data-segment-url"))
			.isEqualTo("/staff/translations/" + taskId + "/segments/");
		assertThat(editor.select("details.editor-keys kbd").eachText()).contains("Ctrl", "Enter", "Alt");
		assertThat(html(get("/staff/translations/{id}", taskId).param("lang", "fa"), translator("tina"))
			.select("details.editor-keys summary").text()).isEqualTo("میان‌برهای صفحه‌کلید");
		assertThat(html(get("/staff/translations/{id}", taskId).param("lang", "sq"), translator("tina"))
			.select("details.editor-keys summary").text()).isEqualTo("Shkurtoret e tastierës");
	}

	@Test
	void aReviewerEditsAndQueriesSegmentsTheTranslatorsVersionIsKeptAndTheDifferencesShow() throws Exception {
		UUID taskId = fixtures.translated(messageId, "sq", "tina", TranslationPagesTests.ALBANIAN).id();
		String edited = TranslationPagesTests.ALBANIAN.get(2).replace("Dallgët", "Valët");

		mvc.perform(review(taskId, 3, edited, "ACCEPTED", "", 1).with(reviewer("rita")))
			.andExpect(redirectedUrl("/staff/translations/" + taskId + "#segment-3"));
		Document approver = html(get("/staff/translations/{id}", taskId), reviewer("anna"));
		assertThat(approver.select("#segment-3 .target-text").text()).isEqualTo(edited);
		assertThat(approver.select("#segment-3 .review-changes del").text()).contains("Dallgët");
		assertThat(approver.select("#segment-3 .review-changes ins").text()).contains("Valët");
		assertThat(approver.select("#segment-3 .segment-provenance").text()).contains("Edited by the reviewer");
		assertThat(approver.select("#segment-3 .review-mark").text()).isEqualTo("Accepted");
		assertThat(html(get("/staff/translations/{id}", taskId), translator("tina")).select("#segment-3 .review-changes ins").text())
			.contains("Valët");

		Document refused = html(review(taskId, 2, null, "QUERIED", "", 0), reviewer("rita"));
		assertThat(refused.select(".alert-danger").text()).contains("what the translator should check");
		mvc.perform(review(taskId, 2, null, "QUERIED", "A është \"ballë\" fjala e duhur?", 1).with(reviewer("rita")))
			.andExpect(status().is3xxRedirection());
		// a stale page (revision 1, the query made it 2) does not overwrite the query
		mvc.perform(review(taskId, 2, null, "ACCEPTED", "", 1).with(reviewer("anna"))).andExpect(status().isConflict());
		mvc.perform(post("/staff/translations/{id}/reviewed", taskId).with(reviewer("rita")).with(csrf()))
			.andExpect(status().isConflict());
		assertThat(fixtures.task(taskId).state()).isEqualTo(TaskState.TRANSLATED);

		mvc.perform(post("/staff/translations/{id}/return", taskId).param("comment", "Shih pyetjen te fjalia 2.")
			.with(reviewer("rita")).with(csrf())).andExpect(status().is3xxRedirection());
		Document back = html(get("/staff/translations/{id}", taskId), translator("tina"));
		assertThat(back.select("#segment-2 .review-mark").text()).isEqualTo("Queried");
		assertThat(back.select("#segment-2 .review-note").text()).contains("ballë");
		mvc.perform(autosave(taskId, 2, TranslationPagesTests.ALBANIAN.get(1).replace("ballë", "magnitudë"), 2)
			.with(translator("tina"))).andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from translation.segment where task_id = ? and review_mark = 'QUERIED'")
			.param(taskId).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select translator_target from translation.segment where task_id = ? and position = 2")
			.param(taskId).query(byte[].class).single()).asString(StandardCharsets.UTF_8).doesNotContain("Dallg");
	}

	@Test
	void theTranslatorNeverReviewsTheirOwnSegmentsAndBadReviewsAreRefused() throws Exception {
		UUID taskId = fixtures.translated(messageId, "sq", "tina", TranslationPagesTests.ALBANIAN).id();

		mvc.perform(review(taskId, 1, "Tjetër", "ACCEPTED", "", 0).with(user("tina").roles("TRANSLATOR", "REVIEWER")))
			.andExpect(status().isForbidden());
		mvc.perform(review(taskId, 1, "Tjetër", "ACCEPTED", "", 0).with(translator("tina"))).andExpect(status().isForbidden());
		html(review(taskId, 1, "Tjetër", "MAYBE", "", 0), reviewer("rita"));
		html(review(taskId, 1, "Tjetër\u202E", "ACCEPTED", "", 0), reviewer("rita"));
		mvc.perform(review(taskId, 9, "Tjetër", "ACCEPTED", "", 0).with(reviewer("rita"))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from translation.segment where task_id = ? and revision > 1")
			.param(taskId).query(Integer.class).single()).isZero();
	}

	@Test
	void anAlbanianTranslationThroughEnglishIsChainedAndWaitsForTheEnglishApproval() throws Exception {
		UUID englishId = fixtures.translated(messageId, "en", "eric", TranslationPagesTests.ENGLISH).id();
		UUID albanianId = take("tina");
		mvc.perform(post("/staff/translations/{id}", albanianId).with(translator("tina")).with(csrf())
			.param("submitForReview", "").param("viaEnglish", "on")
			.param("targets[0]", TranslationPagesTests.ALBANIAN.get(0)).param("targets[1]", TranslationPagesTests.ALBANIAN.get(1))
			.param("targets[2]", TranslationPagesTests.ALBANIAN.get(2)))
			.andExpect(redirectedUrl("/staff/translations"));
		assertThat(fixtures.task(albanianId).pivotTaskId()).isEqualTo(englishId);
		assertThat(fixtures.task(albanianId).pivotVersion()).isNotNull();
		mvc.perform(post("/staff/translations/{id}/reviewed", albanianId).with(reviewer("rita")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		Document waiting = html(get("/staff/translations/{id}", albanianId), reviewer("anna"));
		assertThat(waiting.select(".pivot-chain .chain-pivot").text()).contains(fixtures.task(englishId).reference())
			.contains("Translated").contains("eric");
		assertThat(waiting.select("#segment-1 .provenance-pivot").text()).contains("through English");
		assertThat(waiting.select("form[action$=/approve]")).isEmpty();
		mvc.perform(post("/staff/translations/{id}/approve", albanianId).with(reviewer("anna")).with(csrf()))
			.andExpect(status().isConflict());
		assertThat(fixtures.task(albanianId).state()).isEqualTo(TaskState.REVIEWED);

		Document english = html(get("/staff/translations/{id}", englishId), reviewer("anna"));
		assertThat(english.select(".pivot-chain .chain-dependent").text()).contains(fixtures.task(albanianId).reference())
			.contains("Reviewed").contains("tina");
		mvc.perform(post("/staff/translations/{id}/reviewed", englishId).with(reviewer("rita")).with(csrf()));
		mvc.perform(post("/staff/translations/{id}/approve", englishId).with(reviewer("anna")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/staff/translations/{id}/approve", albanianId).with(reviewer("anna")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(fixtures.task(albanianId).state()).isEqualTo(TaskState.APPROVED);
	}

	private UUID take(String translator) throws Exception {
		UUID taskId = fixtures.task(messageId, "sq").id();
		mvc.perform(post("/staff/translations/{id}/take", taskId).with(translator(translator)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		return taskId;
	}

	private static MockHttpServletRequestBuilder autosave(UUID taskId, int segment, String text, int revision) {
		return post("/staff/translations/{id}/segments/{n}", taskId, segment).param("target", text)
			.param("revision", String.valueOf(revision)).header("Accept", "application/json").with(csrf());
	}

	private static MockHttpServletRequestBuilder review(UUID taskId, int segment, String text, String mark, String note,
			int revision) {
		MockHttpServletRequestBuilder request = post("/staff/translations/{id}/segments/{n}/review", taskId, segment)
			.param("mark", mark).param("note", note).param("revision", String.valueOf(revision)).with(csrf());
		return text == null ? request : request.param("target", text);
	}

	private Document html(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private List<AuditEntry> auditOf(UUID taskId) {
		return audit.latest(500, Long.MAX_VALUE).stream().filter(e -> taskId.toString().equals(e.recordId())).toList();
	}

	private static RequestPostProcessor translator(String name) {
		return user(name).roles("TRANSLATOR");
	}

	private static RequestPostProcessor reviewer(String name) {
		return user(name).roles("REVIEWER");
	}

}
