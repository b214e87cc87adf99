package org.kinlink.cases.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.kinlink.cases.file.CaseFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CaseServicesWebTest
class ServicesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Test
	void caseworkerAddsAServiceWithGregorianDatesAndTheChangeIsAudited() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(add(file, team, "HOUSING", "ACTIVE", "2024-08-02", "02.09.2024").param("notes", "Ground floor"))
			.andExpect(redirectedUrl(base(file)));

		assertThat(jdbc.sql("select started_on from cases.service where case_id = ?").param(file.id()).query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(2024, 8, 2));
		assertThat(jdbc.sql("select ended_on from cases.service where case_id = ?").param(file.id()).query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(2024, 9, 2));
		assertThat(fixture.auditActions(file.id())).contains("case.service.add:SUCCESS");
	}

	@Test
	void serviceNotesAreStoredSealed() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(add(file, team, "HEALTH", "PLANNED", null, null).param("notes", "Needs a ground-floor room"))
			.andExpect(status().is3xxRedirection());

		byte[] stored = jdbc.sql("select notes from cases.service where case_id = ?").param(file.id()).query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("ground-floor");
		mvc.perform(get(base(file)).with(team.asCaseworker())).andExpect(content().string(Matchers.containsString("Needs a ground-floor room")));
	}

	@Test
	void jalaliDatesAreAcceptedAndShownInJalaliToPersianReaders() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(add(file, team, "ASYLUM", "ACTIVE", "۱۴۰۳/۰۵/۱۲", null)).andExpect(status().is3xxRedirection());

		assertThat(jdbc.sql("select started_on from cases.service where case_id = ?").param(file.id()).query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(2024, 8, 2));
		mvc.perform(get(base(file)).with(team.asCaseworker()).header("Accept-Language", "fa"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("۱۲ مرداد ۱۴۰۳")))
			.andExpect(content().string(Matchers.containsString("پناهندگی")));
		mvc.perform(get(base(file)).with(team.asCaseworker()).header("Accept-Language", "en"))
			.andExpect(content().string(Matchers.containsString("2024")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("مرداد"))));
	}

	@Test
	void aDateThatDoesNotExistIsRefusedWithAClearMessage() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(add(file, team, "HOUSING", "ACTIVE", "1403/13/40", null))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Not a date")));
		mvc.perform(add(file, team, "HOUSING", "ACTIVE", "2025-02-30", null))
			.andExpect(content().string(Matchers.containsString("Not a date")));
		assertThat(count(file)).isZero();
	}

	@Test
	void anEndBeforeTheStartIsRefused() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(add(file, team, "HOUSING", "ACTIVE", "2024-08-02", "2024-08-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("The end date cannot be before the start date.")));
		assertThat(count(file)).isZero();
	}

	@Test
	void aCompletedServiceWithoutOutcomeIsRefused() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(add(file, team, "DOCUMENTS", "COMPLETED", "2024-08-02", "2024-09-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Choose the outcome of the completed service.")));
		mvc.perform(add(file, team, "DOCUMENTS", "COMPLETED", "2024-08-02", "2024-09-01").param("outcome", "ACHIEVED"))
			.andExpect(status().is3xxRedirection());
		assertThat(count(file)).isOne();
	}

	@Test
	void missingTypeAndProviderAreRefused() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("status", "PLANNED"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Please fill in this field.")));
		assertThat(count(file)).isZero();
	}

	@Test
	void aCompletedServiceCannotBecomeActiveAgain() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		mvc.perform(add(file, team, "LEGAL_STATUS", "COMPLETED", "2024-08-02", null).param("outcome", "ACHIEVED"))
			.andExpect(status().is3xxRedirection());
		UUID id = serviceId(file);

		mvc.perform(edit(file, team, id, "ACTIVE", "0", "Legal aid"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("A service cannot move to this status")));
		assertThat(jdbc.sql("select status from cases.service where id = ?").param(id).query(String.class).single())
			.isEqualTo("COMPLETED");
	}

	@Test
	void aStaleEditSaysSoAndKeepsTheForm() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		mvc.perform(add(file, team, "HOUSING", "PLANNED", null, null)).andExpect(status().is3xxRedirection());
		UUID id = serviceId(file);
		mvc.perform(get(base(file) + "/" + id + "/edit").with(team.asCaseworker()))
			.andExpect(status().isOk());

		mvc.perform(edit(file, team, id, "ACTIVE", "0", "First provider")).andExpect(redirectedUrl(base(file)));
		mvc.perform(edit(file, team, id, "ACTIVE", "0", "Second provider"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Someone else saved this service after you opened it.")))
			.andExpect(content().string(Matchers.containsString("value=\"Second provider\"")));

		assertThat(jdbc.sql("select provider is null and sealed_provider is not null from cases.service where id = ?").param(id)
			.query(Boolean.class).single()).as("the provider is kept sealed only").isTrue();
		mvc.perform(get(base(file) + "/" + id + "/edit").with(team.asCaseworker()))
			.andExpect(content().string(Matchers.containsString("value=\"First provider\"")));
		assertThat(fixture.auditActions(file.id())).contains("case.service.edit:SUCCESS");
	}

	@Test
	void anUnknownCaseIsNotFound() throws Exception {
		CaseFixture.Team team = fixture.team();
		String unknown = "/staff/cases/" + UUID.randomUUID() + "/services";

		mvc.perform(get(unknown).with(team.asCaseworker())).andExpect(status().isNotFound());
		mvc.perform(post(unknown).with(team.asCaseworker()).with(csrf()).param("type", "HOUSING")
			.param("provider", "x").param("status", "PLANNED")).andExpect(status().isNotFound());
		mvc.perform(get("/staff/cases/not-a-uuid/services").with(team.asCaseworker())).andExpect(status().isBadRequest());
	}

	@Test
	void anotherTeamsCaseIsNotFoundAndTheRefusalIsAudited() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(get(base(file)).with(team.asOutsider())).andExpect(status().isNotFound());
		mvc.perform(add(file, team.asOutsider(), "HOUSING", "PLANNED", null, null))
			.andExpect(status().isNotFound());

		assertThat(count(file)).isZero();
		assertThat(fixture.auditActions(file.id())).contains("case.read:DENIED", "case.service.add:DENIED");
	}

	@Test
	void aTranslatorIsForbidden() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(get(base(file)).with(user("translator").roles("TRANSLATOR"))).andExpect(status().isForbidden());
		mvc.perform(add(file, user("translator").roles("TRANSLATOR"), "HOUSING", "PLANNED", null, null))
			.andExpect(status().isForbidden());
		assertThat(count(file)).isZero();
	}

	@Test
	void aClosedCaseRefusesChangesWithAClearMessage() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		mvc.perform(add(file, team, "HOUSING", "PLANNED", null, null)).andExpect(status().is3xxRedirection());
		UUID id = serviceId(file);
		fixture.close(file);

		mvc.perform(add(file, team, "HEALTH", "PLANNED", null, null))
			.andExpect(status().isConflict())
			.andExpect(content().string(Matchers.containsString("This case is closed.")));
		mvc.perform(edit(file, team, id, "ACTIVE", "0", "Other")).andExpect(status().isConflict());
		mvc.perform(get(base(file) + "/new").with(team.asCaseworker())).andExpect(status().isConflict());
		assertThat(count(file)).isOne();
		mvc.perform(get(base(file)).with(team.asCaseworker()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("/services/new"))));
	}

	@Test
	void aColleagueOfTheTeamAndTheSupervisorSeeTheServices() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		mvc.perform(add(file, team, "LANGUAGE_CLASSES", "ACTIVE", "2024-08-02", null))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get(base(file)).with(team.asColleague()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Provider LANGUAGE_CLASSES")));
		mvc.perform(get(base(file)).with(team.asSupervisor()))
			.andExpect(content().string(Matchers.containsString("Provider LANGUAGE_CLASSES")));
		assertThat(fixture.auditActions(file.id())).contains("case.read:SUCCESS");
	}

	private MockHttpServletRequestBuilder add(CaseFile file, CaseFixture.Team team, String type, String status,
			String start, String end) {
		return add(file, team.asCaseworker(), type, status, start, end);
	}

	private MockHttpServletRequestBuilder add(CaseFile file, RequestPostProcessor who, String type, String status,
			String start, String end) {
		MockHttpServletRequestBuilder request = post(base(file)).with(who).with(csrf())
			.param("type", type).param("provider", "Provider " + type).param("status", status);
		if (start != null) {
			request.param("startedOn", start);
		}
		if (end != null) {
			request.param("endedOn", end);
		}
		return request;
	}

	private MockHttpServletRequestBuilder edit(CaseFile file, CaseFixture.Team team, UUID id, String status,
			String version, String provider) {
		return post(base(file) + "/" + id).with(team.asCaseworker()).with(csrf()).param("type", "HOUSING")
			.param("provider", provider).param("status", status).param("startedOn", "2024-08-02")
			.param("version", version);
	}

	private UUID serviceId(CaseFile file) {
		return jdbc.sql("select id from cases.service where case_id = ?").param(file.id()).query(UUID.class).single();
	}

	private int count(CaseFile file) {
		return jdbc.sql("select count(*) from cases.service where case_id = ?").param(file.id()).query(Integer.class).single();
	}

	private static String base(CaseFile file) {
		return "/staff/cases/" + file.id() + "/services";
	}

}
