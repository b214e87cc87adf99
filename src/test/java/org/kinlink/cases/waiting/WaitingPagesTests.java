package org.kinlink.cases.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.consent.CaseFixture;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.FamilyView;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Family messages on a case: listed without opening, delivered only with the person's consent to receive
 * messages, answered only with their consent to relay, never twice, and only by those who may act on the case.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WaitingPagesTests {

	static final String LETTER_TEXT = "پسرم، همه ما سالمیم و دلتنگ تو هستیم.";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FamilyMessages messages;

	@Autowired
	ApplicationContext context;

	CaseFixture f;

	@BeforeEach
	void newCase() {
		f = new CaseFixture(context);
	}

	/** A family letter linked to the person and accepted by intake (set directly, as triage would). */
	UUID letterFor(UUID personId) {
		UUID id = messages.receive(new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر", "رضا کریمی", "Reza Karimi", "حسن",
				1988, null, LETTER_TEXT, "fa"));
		jdbc.sql("update messages.message set person_id = ?, status = 'ACCEPTED', accepted_at = now() where id = ?")
			.params(personId, id)
			.update();
		return id;
	}

	String base() {
		return "/staff/cases/" + f.caseId + "/messages";
	}

	MockHttpServletResponse deliver(UUID message, RequestPostProcessor who) throws Exception {
		return mvc.perform(post(base() + "/" + message + "/deliver").with(who).with(csrf()).header("Accept-Language", "en"))
			.andReturn()
			.getResponse();
	}

	MockHttpServletResponse answer(UUID message, String text) throws Exception {
		return mvc.perform(post(base() + "/" + message + "/answer").with(f.asCaseworker())
			.with(csrf())
			.header("Accept-Language", "en")
			.param("text", text)).andReturn().getResponse();
	}

	Document page(String path, RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(who).header("Accept-Language", "en")).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	List<Map<String, Object>> deliveries(UUID message) {
		return jdbc.sql("select * from cases.message_delivery where message_id = ?").param(message).query().listOfRows();
	}

	MessageStatus stateOf(UUID message) {
		return messages.summary(message).status();
	}

	long audited(String action, String outcome, Object record) {
		return jdbc.sql("select count(*) from audit.entry where action = ? and outcome = ? and record_id = ?")
			.params(action, outcome, record.toString())
			.query(Long.class)
			.single();
	}

	@Test
	void listsThePersonsLettersWithoutOpeningThem() throws Exception {
		UUID letter = letterFor(f.personId);
		letterFor(UUID.randomUUID());

		Document page = page(base(), f.asCaseworker());
		assertThat(page.select("#waiting-list tbody tr")).hasSize(1);
		assertThat(page.select("#waiting-list tbody tr").text()).contains(messages.summary(letter).reference(), "Accepted");
		assertThat(page.select("#waiting-list button").text()).contains("Deliver to the person");
		assertThat(page.text()).doesNotContain(LETTER_TEXT).doesNotContain("Maryam");
		assertThat(page.select("#waiting-level").text()).contains("Nothing");
		assertThat(audited("message.read", "SUCCESS", letter)).isZero();
	}

	@Test
	void refusesDeliveryWithoutConsentAndStoresNothing() throws Exception {
		UUID letter = letterFor(f.personId);
		f.consent(mvc, DisclosureLevel.ALIVE_AND_WELL);

		MockHttpServletResponse response = deliver(letter, f.asCaseworker());

		assertThat(response.getStatus()).isEqualTo(409);
		Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#waiting-problem").text()).contains("Not delivered: the person has not agreed to receive family messages");
		assertThat(page.text()).doesNotContain(LETTER_TEXT);
		assertThat(deliveries(letter)).isEmpty();
		assertThat(stateOf(letter)).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(audited("disclosure", "DENIED", f.personId)).isEqualTo(1);
		assertThat(audited("message.read", "SUCCESS", letter)).isZero();
	}

	@Test
	void deliversWithConsentShowsTheLetterAndRecordsTheBasis() throws Exception {
		UUID letter = letterFor(f.personId);
		f.consent(mvc, DisclosureLevel.RECEIVE_MESSAGES);
		UUID basis = f.currentBasis();

		MockHttpServletResponse response = deliver(letter, f.asCaseworker());
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo(base() + "/" + letter);

		assertThat(deliveries(letter)).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("legal_basis_id", basis)
				.containsEntry("case_id", f.caseId)
				.containsEntry("delivered_by", f.caseworker));
		assertThat(stateOf(letter)).isEqualTo(MessageStatus.DELIVERED);
		assertThat(audited("disclosure", "SUCCESS", f.personId)).isEqualTo(1);
		assertThat(jdbc.sql("select detail from audit.entry where action = 'message.deliver' and record_id = ?")
			.param(f.caseId.toString())
			.query(String.class)
			.single()).isEqualTo("message=" + letter + ";basis=" + basis);

		Document shown = page(base() + "/" + letter, f.asCaseworker());
		assertThat(shown.select("#letter-text").text()).isEqualTo(LETTER_TEXT);
		assertThat(shown.select("#letter-text").attr("dir")).isEqualTo("auto");
		assertThat(shown.text()).contains("مریم احمدی", "مادر");
		assertThat(audited("message.read", "SUCCESS", letter)).isEqualTo(1);
		assertThat(page(base(), f.asCaseworker()).select("#waiting-list").text()).contains("Delivered to the person", "Delivered by " + f.caseworker);
	}

	@Test
	void aLetterIsDeliveredOnlyOnce() throws Exception {
		UUID letter = letterFor(f.personId);
		f.consent(mvc, DisclosureLevel.RECEIVE_MESSAGES);
		assertThat(deliver(letter, f.asCaseworker()).getStatus()).isEqualTo(302);
		Object deliveredAt = deliveries(letter).get(0).get("delivered_at");

		var again = mvc.perform(post(base() + "/" + letter + "/deliver").with(f.asSupervisor()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(again.getFlashMap().get("waitingNotice")).isEqualTo("consent.messages.flash.already");
		assertThat(deliveries(letter)).singleElement().satisfies(row -> assertThat(row).containsEntry("delivered_at", deliveredAt)
			.containsEntry("delivered_by", f.caseworker));
		assertThat(audited("message.deliver", "SUCCESS", f.caseId)).isEqualTo(1);
		assertThat(audited("disclosure", "SUCCESS", f.personId)).isEqualTo(1);
	}

	@Test
	void refusesDeliveryAfterTheConsentWasWithdrawn() throws Exception {
		UUID letter = letterFor(f.personId);
		f.consent(mvc, DisclosureLevel.SHARE_CONTACT);
		mvc.perform(post("/staff/cases/" + f.caseId + "/consent/" + f.currentBasis() + "/withdraw").with(f.asCaseworker()).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(deliver(letter, f.asCaseworker()).getStatus()).isEqualTo(409);
		assertThat(deliveries(letter)).isEmpty();
		assertThat(stateOf(letter)).isEqualTo(MessageStatus.ACCEPTED);
	}

	@Test
	void relayingNeedsConsentToRelayAndStoresNothingWithout() throws Exception {
		UUID letter = letterFor(f.personId);
		f.consent(mvc, DisclosureLevel.RECEIVE_MESSAGES);
		deliver(letter, f.asCaseworker());
		assertThat(page(base() + "/" + letter, f.asCaseworker()).text()).contains("has not allowed their answers to be relayed");

		MockHttpServletResponse response = answer(letter, "من خوبم، نگران نباشید.");

		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).select("#waiting-problem").text())
			.contains("Not sent: the person has not agreed that their answers go back to the family");
		assertThat(messages.familyView(letter).replies()).isEmpty();
		assertThat(audited("disclosure", "DENIED", f.personId)).isEqualTo(1);
		assertThat(audited("message.relay", "SUCCESS", f.caseId)).isZero();
	}

	@Test
	void refusesAnEmptyOrHostileAnswer() throws Exception {
		UUID letter = letterFor(f.personId);
		f.consent(mvc, DisclosureLevel.RELAY_MESSAGES);
		deliver(letter, f.asCaseworker());

		MockHttpServletResponse empty = answer(letter, "   ");
		assertThat(empty.getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(empty.getContentAsString(StandardCharsets.UTF_8)).select("#answer-form .invalid-feedback").text())
			.contains("Please fill in this field.");
		assertThat(answer(letter, "safe\u202Egnp.exe").getStatus()).isEqualTo(400);
		assertThat(answer(letter, "x".repeat(4001)).getStatus()).isEqualTo(400);
		assertThat(messages.familyView(letter).replies()).isEmpty();
	}

	@Test
	void refusesToAnswerOrShowALetterBeforeItIsDelivered() throws Exception {
		UUID letter = letterFor(f.personId);
		f.consent(mvc, DisclosureLevel.RELAY_MESSAGES);

		MockHttpServletResponse response = answer(letter, "سلام");
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("has not been delivered to the person yet");
		mvc.perform(get(base() + "/" + letter).with(f.asCaseworker())).andExpect(status().isConflict());
		assertThat(messages.familyView(letter).replies()).isEmpty();
		assertThat(audited("message.read", "SUCCESS", letter)).isZero();
	}

	@Test
	void refusesALetterIntakeHasNotAccepted() throws Exception {
		UUID letter = letterFor(f.personId);
		jdbc.sql("update messages.message set status = 'RECEIVED', accepted_at = null where id = ?").param(letter).update();
		f.consent(mvc, DisclosureLevel.RELAY_MESSAGES);

		assertThat(page(base(), f.asCaseworker()).select("#waiting-list").text()).contains("Intake has not accepted this letter.");
		MockHttpServletResponse response = deliver(letter, f.asCaseworker());
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("has not been accepted by intake");
		assertThat(deliveries(letter)).isEmpty();
	}

	@Test
	void aLetterForSomeoneElseIsNotFoundThroughThisCase() throws Exception {
		CaseFixture other = new CaseFixture(context);
		UUID theirs = letterFor(other.personId);
		f.consent(mvc, DisclosureLevel.RELAY_MESSAGES);

		assertThat(deliver(theirs, f.asCaseworker()).getStatus()).isEqualTo(404);
		assertThat(deliver(UUID.randomUUID(), f.asCaseworker()).getStatus()).isEqualTo(404);
		mvc.perform(get(base() + "/" + theirs).with(f.asCaseworker())).andExpect(status().isNotFound());
		assertThat(answer(theirs, "سلام").getStatus()).isEqualTo(404);
		mvc.perform(post(base() + "/not-an-id/deliver").with(f.asCaseworker()).with(csrf())).andExpect(status().isBadRequest());
		assertThat(deliveries(theirs)).isEmpty();
	}

	@Test
	void onlyTheCaseworkerOfRecordAndSupervisorsDeliver() throws Exception {
		UUID letter = letterFor(f.personId);
		f.consent(mvc, DisclosureLevel.RELAY_MESSAGES);

		Document colleagueView = page(base(), f.asColleague());
		assertThat(colleagueView.select("#waiting-list tbody tr")).hasSize(1);
		assertThat(colleagueView.select("#waiting-list form")).isEmpty();
		assertThat(deliver(letter, f.asColleague()).getStatus()).isEqualTo(403);
		assertThat(audited("message.deliver", "DENIED", f.caseId)).isEqualTo(1);

		mvc.perform(get(base()).with(f.asStranger())).andExpect(status().isNotFound());
		assertThat(deliver(letter, f.asStranger()).getStatus()).isEqualTo(404);
		for (String role : List.of("LIAISON", "INTAKE", "TRANSLATOR", "REVIEWER", "ADMIN", "AUDITOR")) {
			RequestPostProcessor who = user(role.toLowerCase() + "-y").roles(role);
			mvc.perform(get(base()).with(who)).andExpect(status().isForbidden());
			assertThat(deliver(letter, who).getStatus()).isEqualTo(403);
			mvc.perform(get(base() + "/" + letter).with(who)).andExpect(status().isForbidden());
		}
		assertThat(deliveries(letter)).isEmpty();

		assertThat(deliver(letter, f.asSupervisor()).getStatus()).isEqualTo(302);
		assertThat(deliveries(letter)).singleElement().satisfies(row -> assertThat(row).containsEntry("delivered_by", f.supervisor));
	}

	@Test
	void theAnswerReachesTheFamilysReceiptPageFromTheirRelative() throws Exception {
		// The family writes; intake links the addressee to the person (who now has a case) and accepts the letter.
		UUID letter = messages.receive(new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر", "رضا کریمی", "Reza Karimi",
				"حسن", 1988, null, LETTER_TEXT, "fa"));
		RequestPostProcessor intake = user("intake-e2e").roles("INTAKE");
		mvc.perform(post("/staff/messages/" + letter + "/person").with(intake).with(csrf()).param("personId", f.personId.toString()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/staff/messages/" + letter + "/accept").with(intake).with(csrf())).andExpect(status().is3xxRedirection());

		// The person agrees, orally before a witness, that messages go both ways.
		mvc.perform(post("/staff/cases/" + f.caseId + "/consent").with(f.asCaseworker())
			.with(csrf())
			.param("level", "RELAY_MESSAGES")
			.param("method", "ORAL_WITNESSED")
			.param("witness", "Elira Hoxha")).andExpect(status().is3xxRedirection());

		assertThat(page(base(), f.asCaseworker()).select("#waiting-list tbody tr").text()).contains(messages.summary(letter).reference());
		mvc.perform(post(base() + "/" + letter + "/deliver").with(f.asCaseworker()).with(csrf()))
			.andExpect(redirectedUrl(base() + "/" + letter));
		assertThat(page(base() + "/" + letter, f.asCaseworker()).select("#letter-text").text()).isEqualTo(LETTER_TEXT);

		String reply = "مادر عزیزم، من سالمم و به زودی بیشتر می‌نویسم.";
		mvc.perform(post(base() + "/" + letter + "/answer").with(f.asCaseworker()).with(csrf()).param("text", reply))
			.andExpect(redirectedUrl(base() + "/" + letter));

		FamilyView view = messages.familyView(letter);
		assertThat(view.status()).isEqualTo(MessageStatus.DELIVERED);
		assertThat(view.replies()).singleElement().satisfies(r -> {
			assertThat(r.fromRelative()).isTrue();
			assertThat(r.text()).isEqualTo(reply);
		});
		assertThat(audited("message.relay", "SUCCESS", f.caseId)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit.entry where detail like ?").param("%" + "سالمم" + "%").query(Long.class).single())
			.isZero();
	}

}
