package org.kinlink.cases.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case list and page: who sees what (S13), RESTRICTED fields, optimistic locking between two caseworkers,
 * assignment by a supervisor, closure refused while notifications are unsent, reopening, tasks.
 */
class CaseWebTests extends CasesTestSupport {

	@BeforeEach
	void setUp() {
		staff("cw.arta", "east", "CASEWORKER");
		staff("cw.dritan", "east", "CASEWORKER");
		staff("cw.other", "west", "CASEWORKER");
		staff("sup.east", "east", "SUPERVISOR");
		authorities();
	}

	@Test
	void theCaseworkerSeesTheCaseInTheListAndOnItsPage() throws Exception {
		UUID caseId = openCase("cw.arta", "Hamid Tehrani", "حمید تهرانی");
		String reference = reference(caseId);
		mvc.perform(get("/staff/cases").with(as("cw.arta", "CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(reference)));
		mvc.perform(get("/staff/cases/{id}", caseId).with(as("cw.arta", "CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hamid Tehrani")))
			.andExpect(content().string(containsString("Safe housing")))
			.andExpect(content().string(containsString("/staff/referrals/")))
			.andExpect(content().string(containsString("Walked to the police station")));
		assertThat(audit(caseId)).contains("cw.arta case.read SUCCESS");
	}

	@Test
	void anotherTeamsCaseIsNotFoundAndOtherRolesAreRefused() throws Exception {
		UUID caseId = openCase("cw.arta", "Kaveh Amini", "کاوه امینی");
		mvc.perform(get("/staff/cases/{id}", caseId).with(as("cw.other", "CASEWORKER"))).andExpect(status().isNotFound());
		mvc.perform(post("/staff/cases/{id}/needs", caseId).with(csrf()).with(as("cw.other", "CASEWORKER"))
			.param("needs", "x").param("version", "0")).andExpect(status().isNotFound());
		mvc.perform(get("/staff/cases", caseId).with(as("cw.other", "CASEWORKER")))
			.andExpect(content().string(not(containsString(reference(caseId)))));
		for (String role : new String[] { "TRANSLATOR", "LIAISON", "INTAKE", "REVIEWER", "ADMIN", "AUDITOR" }) {
			mvc.perform(get("/staff/cases/{id}", caseId).with(as("someone", role))).andExpect(status().isForbidden());
			mvc.perform(get("/staff/cases").with(as("someone", role))).andExpect(status().isForbidden());
			mvc.perform(get("/staff/cases/home").with(as("someone", role))).andExpect(status().isForbidden());
		}
		assertThat(audit(caseId)).contains("cw.other case.read DENIED");
	}

	@Test
	void restrictedDetailsOpenOnlyForTheCaseworkerOfRecordAndTheSupervisor() throws Exception {
		UUID caseId = openCase("cw.arta", "Leila Hosseini", "لیلا حسینی");
		mvc.perform(post("/staff/cases/{id}/restricted", caseId).with(csrf()).with(as("cw.arta", "CASEWORKER"))
			.param("whereabouts", "Rruga Myslym Shyri 12, Tiranë").param("contact", "+355 69 000 0000")
			.param("health", "Asthma").param("safetyPlan", "Never alone at the market").param("version", String.valueOf(version(caseId))))
			.andExpect(status().is3xxRedirection());
		assertThat(new String(jdbc.sql("select whereabouts from cases.case_file where id = ?").param(caseId).query(byte[].class).single(),
				java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Myslym");

		mvc.perform(get("/staff/cases/{id}", caseId).with(as("cw.arta", "CASEWORKER")))
			.andExpect(content().string(containsString("Myslym Shyri")));
		mvc.perform(get("/staff/cases/{id}", caseId).with(as("sup.east", "SUPERVISOR")))
			.andExpect(content().string(containsString("Never alone at the market")));
		mvc.perform(get("/staff/cases/{id}", caseId).with(as("cw.dritan", "CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Myslym"))))
			.andExpect(content().string(not(containsString("Asthma"))));
		mvc.perform(post("/staff/cases/{id}/restricted", caseId).with(csrf()).with(as("cw.dritan", "CASEWORKER"))
			.param("whereabouts", "elsewhere").param("version", String.valueOf(version(caseId))))
			.andExpect(status().isForbidden());
		assertThat(audit(caseId)).contains("cw.arta case.restricted.write SUCCESS", "sup.east case.restricted.read SUCCESS",
				"cw.dritan case.restricted.write DENIED");
	}

	@Test
	void twoCaseworkersSavingTheSameCaseTheSecondIsToldAndSavesNothing() throws Exception {
		UUID caseId = openCase("cw.arta", "Omid Rostami", "امید رستمی");
		int read = version(caseId);
		mvc.perform(post("/staff/cases/{id}/assessment", caseId).with(csrf()).with(as("cw.arta", "CASEWORKER"))
			.param("riskLevel", "CRITICAL").param("vulnerabilities", "TRAUMA").param("version", String.valueOf(read)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/staff/cases/{id}/needs", caseId).with(csrf()).with(as("cw.dritan", "CASEWORKER"))
			.param("needs", "Winter clothes and a Persian-speaking doctor").param("version", String.valueOf(read)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else saved this case after you opened it")))
			.andExpect(content().string(containsString("Winter clothes and a Persian-speaking doctor")))
			.andExpect(result -> assertThat(((CaseForms.NeedsForm) result.getModelAndView().getModel().get("needsForm")).version())
				.isEqualTo(version(caseId)));
		assertThat(jdbc.sql("select needs from cases.case_file where id = ?").param(caseId).query(byte[].class).optional()
			.filter(b -> b != null)).isEmpty();
		assertThat(jdbc.sql("select risk_level from cases.case_file where id = ?").param(caseId).query(String.class).single())
			.isEqualTo("CRITICAL");

		// Saving again from the page shown (now on the current version) applies the change.
		mvc.perform(post("/staff/cases/{id}/needs", caseId).with(csrf()).with(as("cw.dritan", "CASEWORKER"))
			.param("needs", "Winter clothes and a Persian-speaking doctor").param("version", String.valueOf(version(caseId))))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/staff/cases/{id}", caseId).with(as("cw.dritan", "CASEWORKER")))
			.andExpect(content().string(containsString("Persian-speaking doctor")));
	}

	@Test
	void anUnknownVulnerabilityOrRiskIsRefused() throws Exception {
		UUID caseId = openCase("cw.arta", "Sara Mohammadi", "سارا محمدی");
		mvc.perform(post("/staff/cases/{id}/assessment", caseId).with(csrf()).with(as("cw.arta", "CASEWORKER"))
			.param("riskLevel", "HIGH").param("vulnerabilities", "RICH").param("version", String.valueOf(version(caseId))))
			.andExpect(status().isBadRequest())
			.andExpect(model().attributeHasFieldErrorCode("assessmentForm", "vulnerabilities", "cases.assessment.vulnerability.invalid"));
		mvc.perform(post("/staff/cases/{id}/assessment", caseId).with(csrf()).with(as("cw.arta", "CASEWORKER"))
			.param("riskLevel", "EXTREME").param("version", String.valueOf(version(caseId))))
			.andExpect(status().isBadRequest());
	}

	@Test
	void onlyASupervisorAssignsAnotherCaseworkerOfTheTeam() throws Exception {
		UUID caseId = openCase("cw.arta", "Babak Nazari", "بابک نظری");
		mvc.perform(post("/staff/cases/{id}/assign", caseId).with(csrf()).with(as("cw.arta", "CASEWORKER"))
			.param("caseworker", "cw.dritan").param("version", String.valueOf(version(caseId))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/staff/cases/{id}/assign", caseId).with(csrf()).with(as("sup.east", "SUPERVISOR"))
			.param("caseworker", "cw.other").param("version", String.valueOf(version(caseId))))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Choose a caseworker of this case")));
		mvc.perform(post("/staff/cases/{id}/assign", caseId).with(csrf()).with(as("sup.east", "SUPERVISOR"))
			.param("caseworker", "cw.dritan").param("version", String.valueOf(version(caseId))))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select caseworker from cases.case_file where id = ?").param(caseId).query(String.class).single())
			.isEqualTo("cw.dritan");
		assertThat(audit(caseId)).contains("sup.east case.assign SUCCESS");
	}

	@Test
	void aCaseWithUnsentNotificationsIsNotClosedThenClosesAndReopens() throws Exception {
		UUID caseId = openCase("cw.arta", "Navid Karimi", "نوید کریمی");
		mvc.perform(close(caseId, "SELF_RELIANT"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("some notifications to the authorities have not been sent yet")));
		assertThat(state(caseId)).isEqualTo("OPEN");

		jdbc.sql("update cases.notification set state = 'DISPATCHED', dispatched_at = now() where case_id = ?").param(caseId).update();
		mvc.perform(close(caseId, "NO_SUCH_REASON")).andExpect(status().isBadRequest());
		mvc.perform(close(caseId, "RESETTLED")).andExpect(status().is3xxRedirection());
		assertThat(state(caseId)).isEqualTo("CLOSED");
		assertThat(jdbc.sql("select closure_reason from cases.case_file where id = ?").param(caseId).query(String.class).single())
			.isEqualTo("RESETTLED");
		assertThat(jdbc.sql("select closure_note from cases.case_file where id = ?").param(caseId).query(byte[].class).single()).isNotNull();

		mvc.perform(post("/staff/cases/{id}/reopen", caseId).with(csrf()).with(as("cw.arta", "CASEWORKER"))
			.param("version", String.valueOf(version(caseId))))
			.andExpect(status().is3xxRedirection());
		assertThat(state(caseId)).isEqualTo("OPEN");
		assertThat(audit(caseId)).contains("cw.arta case.close DENIED", "cw.arta case.close SUCCESS", "cw.arta case.reopen SUCCESS");
	}

	@Test
	void aTaskIsMarkedDone() throws Exception {
		UUID caseId = openCase("cw.arta", "Parisa Ahmadi", "پریسا احمدی");
		UUID taskId = jdbc.sql("select id from cases.task where case_id = ? and kind = 'SAFE_HOUSING'").param(caseId).query(UUID.class).single();
		mvc.perform(post("/staff/cases/{id}/tasks/{t}/done", caseId, taskId).with(csrf()).with(as("cw.dritan", "CASEWORKER")))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select done_by from cases.task where id = ?").param(taskId).query(String.class).single()).isEqualTo("cw.dritan");
		mvc.perform(post("/staff/cases/{id}/tasks/{t}/done", caseId, taskId).with(csrf()).with(as("cw.dritan", "CASEWORKER")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/staff/cases/{id}/tasks/{t}/done", caseId, UUID.randomUUID()).with(csrf()).with(as("cw.other", "CASEWORKER")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theCasePageShowsJalaliDatesInPersianAndAlbanianLabels() throws Exception {
		UUID caseId = openCase("cw.arta", "Mina Farahani", "مینا فراهانی");
		mvc.perform(get("/staff/cases/{id}", caseId).param("lang", "fa").with(as("cw.arta", "CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("مرداد ۱۴۰۳")))
			.andExpect(content().string(containsString("مسکن امن")));
		mvc.perform(get("/staff/cases/{id}", caseId).param("lang", "sq").with(as("cw.arta", "CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("gusht 2024")))
			.andExpect(content().string(containsString("Strehim i sigurt")));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder close(UUID caseId, String reason) {
		return post("/staff/cases/{id}/close", caseId).with(csrf()).with(as("cw.arta", "CASEWORKER"))
			.param("reason", reason).param("note", "Found work in Durrës").param("version", String.valueOf(version(caseId)));
	}

	private String state(UUID caseId) {
		return jdbc.sql("select state from cases.case_file where id = ?").param(caseId).query(String.class).single();
	}

	private String reference(UUID caseId) {
		return jdbc.sql("select reference from cases.case_file where id = ?").param(caseId).query(String.class).single();
	}

}
