package org.kinlink.cases.consent;

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
import org.kinlink.cases.Disclosures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The consent page: recording, superseding and withdrawing decisions, vital interest, and who may do what. */
@SpringBootTest
@AutoConfigureMockMvc
class ConsentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Disclosures disclosures;

	@Autowired
	ApplicationContext context;

	CaseFixture f;

	@BeforeEach
	void newCase() {
		f = new CaseFixture(context);
	}

	MockHttpServletRequestBuilder decision(RequestPostProcessor who, Map<String, String> fields) {
		MockHttpServletRequestBuilder request = post("/staff/cases/" + f.caseId + "/consent").with(who)
			.with(csrf())
			.header("Accept-Language", "en");
		fields.forEach(request::param);
		return request;
	}

	MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	Document page(RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc
			.perform(get("/staff/cases/" + f.caseId + "/consent").with(who).header("Accept-Language", "en"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	List<Map<String, Object>> decisions() {
		return jdbc.sql("select * from cases.legal_basis where person_id = ? order by recorded_at, ended_at nulls last")
			.param(f.personId)
			.query()
			.listOfRows();
	}

	long audited(String action, String outcome) {
		return jdbc.sql("select count(*) from audit.entry where action = ? and outcome = ? and record_id = ?")
			.params(action, outcome, f.caseId.toString())
			.query(Long.class)
			.single();
	}

	@Test
	void recordsAnOralConsentWithItsWitnessSealed() throws Exception {
		mvc.perform(decision(f.asCaseworker(), Map.of("level", "RECEIVE_MESSAGES", "method", "ORAL_WITNESSED", "witness",
				"Elira Hoxha", "reason", "Agreed at the shelter")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/staff/cases/" + f.caseId + "/consent"));

		List<Map<String, Object>> rows = decisions();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("basis", "CONSENT")
			.containsEntry("level", "RECEIVE_MESSAGES")
			.containsEntry("method", "ORAL_WITNESSED")
			.containsEntry("recorded_by", f.caseworker);
		assertThat(new String((byte[]) rows.get(0).get("details"), StandardCharsets.ISO_8859_1)).doesNotContain("Elira");
		assertThat(disclosures.permitted(f.personId)).isEqualTo(DisclosureLevel.RECEIVE_MESSAGES);

		Document page = page(f.asCaseworker());
		assertThat(page.select("#consent-level").text()).contains("Receive family messages");
		assertThat(page.select("#consent-history").text()).contains("Elira Hoxha", "Agreed at the shelter", "Given orally before a witness");
		assertThat(jdbc.sql("select detail from audit.entry where action = 'consent.record' and record_id = ?")
			.param(f.caseId.toString())
			.query(String.class)
			.single()).contains("level=RECEIVE_MESSAGES").doesNotContain("Elira").doesNotContain("shelter");
		assertThat(audited("consent.read", "SUCCESS")).isEqualTo(1);
	}

	@Test
	void refusesAnOralConsentWithoutItsWitness() throws Exception {
		MockHttpServletResponse response = send(decision(f.asCaseworker(), Map.of("level", "ALIVE_AND_WELL", "method", "ORAL_WITNESSED")));
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).select("#consent-form .invalid-feedback").text())
			.contains("An oral consent needs the name of its witness.");
		assertThat(decisions()).isEmpty();
	}

	@Test
	void refusesSharingContactDetailsWithoutNamedRelatives() throws Exception {
		MockHttpServletResponse response = send(decision(f.asCaseworker(), Map.of("level", "SHARE_CONTACT", "method", "SIGNED", "relatives", " \n ")));
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Name at least one relative");
		assertThat(decisions()).isEmpty();

		mvc.perform(decision(f.asCaseworker(), Map.of("level", "SHARE_CONTACT", "method", "SIGNED", "relatives", "مریم احمدی\nAli Karimi")))
			.andExpect(status().is3xxRedirection());
		assertThat(page(f.asCaseworker()).select("#consent-history li li").eachText()).containsExactly("مریم احمدی", "Ali Karimi");
	}

	@Test
	void refusesMissingAndUnknownValues() throws Exception {
		assertThat(send(decision(f.asCaseworker(), Map.of())).getStatus()).isEqualTo(400);
		assertThat(send(decision(f.asCaseworker(), Map.of("level", "EVERYTHING", "method", "SIGNED"))).getStatus()).isEqualTo(400);
		assertThat(send(decision(f.asCaseworker(), Map.of("level", "ALIVE_AND_WELL", "method", "EMAIL"))).getStatus()).isEqualTo(400);
		assertThat(send(decision(f.asCaseworker(), Map.of("level", "ALIVE_AND_WELL", "method", "SIGNED", "witness", "a\u202Eb")))
			.getStatus()).isEqualTo(400);
		assertThat(decisions()).isEmpty();
	}

	@Test
	void aNewDecisionSupersedesTheCurrentOne() throws Exception {
		f.consent(mvc, DisclosureLevel.ALIVE_AND_WELL);
		UUID first = f.currentBasis();
		f.consent(mvc, DisclosureLevel.RELAY_MESSAGES);

		List<Map<String, Object>> rows = decisions();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("id", first).containsEntry("ended_how", "SUPERSEDED").containsEntry("ended_by", f.caseworker);
		assertThat(rows.get(1)).containsEntry("level", "RELAY_MESSAGES").containsEntry("ended_at", null);
		assertThat(disclosures.permitted(f.personId)).isEqualTo(DisclosureLevel.RELAY_MESSAGES);
		assertThat(jdbc.sql("select detail from audit.entry where action = 'consent.record' and record_id = ? order by sequence desc limit 1")
			.param(f.caseId.toString())
			.query(String.class)
			.single()).contains("supersedes=" + first);
	}

	@Test
	void aCaseworkerMayNotDecideInTheVitalInterest() throws Exception {
		mvc.perform(decision(f.asCaseworker(), Map.of("level", "ALIVE_AND_WELL", "method", "SUPERVISOR_DECISION", "reason",
				"The police need to know she is safe")))
			.andExpect(status().isForbidden());
		assertThat(decisions()).isEmpty();
		assertThat(audited("consent.record", "DENIED")).isEqualTo(1);
	}

	@Test
	void aSupervisorDecidesInTheVitalInterestWithAWrittenReason() throws Exception {
		MockHttpServletResponse empty = send(decision(f.asSupervisor(), Map.of("level", "ALIVE_AND_WELL", "method", "SUPERVISOR_DECISION")));
		assertThat(empty.getStatus()).isEqualTo(400);
		assertThat(empty.getContentAsString(StandardCharsets.UTF_8)).contains("Write the reason for the vital-interest decision.");
		MockHttpServletResponse thin = send(decision(f.asSupervisor(), Map.of("level", "ALIVE_AND_WELL", "method", "SUPERVISOR_DECISION", "reason", "ok")));
		assertThat(thin.getStatus()).isEqualTo(400);
		assertThat(thin.getContentAsString(StandardCharsets.UTF_8)).contains("The reason is too short");
		assertThat(decisions()).isEmpty();

		mvc.perform(decision(f.asSupervisor(), Map.of("level", "ALIVE_AND_WELL", "method", "SUPERVISOR_DECISION", "reason",
				"Her mother is gravely ill and asks whether she lives")))
			.andExpect(status().is3xxRedirection());
		assertThat(decisions()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("basis", "VITAL_INTEREST")
				.containsEntry("method", "SUPERVISOR_DECISION")
				.containsEntry("recorded_by", f.supervisor));
		assertThat(page(f.asSupervisor()).select("#consent-history").text()).contains("Her mother is gravely ill");
	}

	@Test
	void withdrawalEndsTheDecisionAndCannotHappenTwice() throws Exception {
		f.consent(mvc, DisclosureLevel.RECEIVE_MESSAGES);
		UUID basis = f.currentBasis();
		String withdraw = "/staff/cases/" + f.caseId + "/consent/" + basis + "/withdraw";

		mvc.perform(post(withdraw).with(f.asCaseworker()).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(decisions()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("ended_how", "WITHDRAWN").containsEntry("ended_by", f.caseworker));
		assertThat(row(basis).get("ended_at")).isNotNull();
		assertThat(disclosures.permitted(f.personId)).isEqualTo(DisclosureLevel.NOTHING);

		MockHttpServletResponse again = send(post(withdraw).with(f.asCaseworker()).with(csrf()).header("Accept-Language", "en"));
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("This decision has already ended");
		assertThat(audited("consent.withdraw", "SUCCESS")).isEqualTo(1);
	}

	@Test
	void onlyASupervisorEndsAVitalInterestDecision() throws Exception {
		mvc.perform(decision(f.asSupervisor(), Map.of("level", "ALIVE_AND_WELL", "method", "SUPERVISOR_DECISION", "reason",
				"Her mother is gravely ill and asks whether she lives")))
			.andExpect(status().is3xxRedirection());
		String withdraw = "/staff/cases/" + f.caseId + "/consent/" + f.currentBasis() + "/withdraw";
		mvc.perform(post(withdraw).with(f.asCaseworker()).with(csrf())).andExpect(status().isForbidden());
		assertThat(audited("consent.withdraw", "DENIED")).isEqualTo(1);
		mvc.perform(post(withdraw).with(f.asSupervisor()).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(disclosures.permitted(f.personId)).isEqualTo(DisclosureLevel.NOTHING);
	}

	@Test
	void aTeamColleagueSeesOnlyTheCurrentLevel() throws Exception {
		mvc.perform(decision(f.asCaseworker(), Map.of("level", "RECEIVE_MESSAGES", "method", "ORAL_WITNESSED", "witness", "Elira Hoxha")))
			.andExpect(status().is3xxRedirection());

		Document page = page(f.asColleague());
		assertThat(page.select("#consent-level").text()).contains("Receive family messages");
		assertThat(page.select("#consent-history")).isEmpty();
		assertThat(page.select("#consent-form")).isEmpty();
		assertThat(page.text()).doesNotContain("Elira").contains("Only the caseworker of record");

		mvc.perform(decision(f.asColleague(), Map.of("level", "NOTHING", "method", "SIGNED"))).andExpect(status().isForbidden());
		mvc.perform(post("/staff/cases/" + f.caseId + "/consent/" + f.currentBasis() + "/withdraw").with(f.asColleague()).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(disclosures.permitted(f.personId)).isEqualTo(DisclosureLevel.RECEIVE_MESSAGES);
	}

	@Test
	void anotherTeamsCaseIsNotFound() throws Exception {
		f.consent(mvc, DisclosureLevel.RECEIVE_MESSAGES);
		mvc.perform(get("/staff/cases/" + f.caseId + "/consent").with(f.asStranger())).andExpect(status().isNotFound());
		mvc.perform(decision(f.asStranger(), Map.of("level", "NOTHING", "method", "SIGNED"))).andExpect(status().isNotFound());
		mvc.perform(post("/staff/cases/" + f.caseId + "/consent/" + f.currentBasis() + "/withdraw").with(f.asStranger()).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(disclosures.permitted(f.personId)).isEqualTo(DisclosureLevel.RECEIVE_MESSAGES);
		assertThat(audited("case.read", "DENIED")).isEqualTo(1);
	}

	@Test
	void staffWhoAreNotCaseworkersAreRefused() throws Exception {
		for (String role : List.of("LIAISON", "INTAKE", "TRANSLATOR", "REVIEWER", "ADMIN", "AUDITOR")) {
			RequestPostProcessor who = user(role.toLowerCase() + "-x").roles(role);
			mvc.perform(get("/staff/cases/" + f.caseId + "/consent").with(who)).andExpect(status().isForbidden());
			mvc.perform(decision(who, Map.of("level", "SHARE_CONTACT", "method", "SIGNED", "relatives", "x")))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/staff/cases/" + f.caseId + "/consent")).andExpect(status().is3xxRedirection());
		assertThat(decisions()).isEmpty();
	}

	@Test
	void unknownCasesAndDecisionsAreNotFound() throws Exception {
		mvc.perform(get("/staff/cases/" + UUID.randomUUID() + "/consent").with(f.asCaseworker())).andExpect(status().isNotFound());
		mvc.perform(get("/staff/cases/not-an-id/consent").with(f.asCaseworker())).andExpect(status().isBadRequest());
		mvc.perform(post("/staff/cases/" + f.caseId + "/consent/" + UUID.randomUUID() + "/withdraw").with(f.asCaseworker()).with(csrf()))
			.andExpect(status().isNotFound());

		// A decision about someone else cannot be withdrawn through this case.
		CaseFixture other = new CaseFixture(context);
		other.consent(mvc, DisclosureLevel.RECEIVE_MESSAGES);
		mvc.perform(post("/staff/cases/" + f.caseId + "/consent/" + other.currentBasis() + "/withdraw").with(f.asCaseworker()).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(disclosures.permitted(other.personId)).isEqualTo(DisclosureLevel.RECEIVE_MESSAGES);
	}

	@Test
	void aClosedCaseTakesNoNewDecisionButAWithdrawal() throws Exception {
		f.consent(mvc, DisclosureLevel.RECEIVE_MESSAGES);
		jdbc.sql("update cases.case_file set state = 'CLOSED', closed_at = now(), closure_reason = 'OTHER' where id = ?").param(f.caseId).update();
		MockHttpServletResponse response = send(decision(f.asCaseworker(), Map.of("level", "SHARE_CONTACT", "method", "SIGNED", "relatives", "Ali")));
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("This case is closed");
		mvc.perform(post("/staff/cases/" + f.caseId + "/consent/" + f.currentBasis() + "/withdraw").with(f.asCaseworker()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(disclosures.permitted(f.personId)).isEqualTo(DisclosureLevel.NOTHING);
	}

	@Test
	void showsThePageInPersianAndAlbanian() throws Exception {
		f.consent(mvc, DisclosureLevel.ALIVE_AND_WELL);
		String fa = mvc.perform(get("/staff/cases/" + f.caseId + "/consent").with(f.asCaseworker()).header("Accept-Language", "fa"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(fa).contains("فقط اینکه زنده و سالم است").contains("dir=\"rtl\"");
		String sq = mvc.perform(get("/staff/cases/" + f.caseId + "/consent").with(f.asCaseworker()).header("Accept-Language", "sq"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(sq).contains("Vetëm se është gjallë dhe mirë");
	}

	Map<String, Object> row(UUID id) {
		return jdbc.sql("select * from cases.legal_basis where id = ?").param(id).query().singleRow();
	}

}
