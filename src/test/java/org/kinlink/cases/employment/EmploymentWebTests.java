package org.kinlink.cases.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.services.CaseFixture;
import org.kinlink.cases.services.CaseServicesWebTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CaseServicesWebTest
class EmploymentWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Test
	void caseworkerRecordsWorkWithASealedEmployerAndAnIncomeInPersianDigits() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(add(file, team.asCaseworker()).param("employer", "Bakery Durres").param("monthlyIncome", "۱٬۲۰۰"))
			.andExpect(redirectedUrl(base(file)));

		assertThat(jdbc.sql("select monthly_income_eur from cases.employment where case_id = ?").param(file.id())
			.query(Integer.class).single()).isEqualTo(1200);
		byte[] employer = jdbc.sql("select employer from cases.employment where case_id = ?").param(file.id())
			.query(byte[].class).single();
		assertThat(new String(employer, StandardCharsets.ISO_8859_1)).doesNotContain("Bakery");
		mvc.perform(get(base(file)).with(team.asCaseworker()))
			.andExpect(content().string(Matchers.containsString("Bakery Durres")))
			.andExpect(content().string(Matchers.containsString("1,200 EUR")));
		assertThat(fixture.auditActions(file.id())).contains("case.employment.add:SUCCESS", "case.employment.read:SUCCESS");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "-5", "1000001", "450.50" })
	void aBadIncomeIsRefusedWithAClearMessage(String income) throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(add(file, team.asCaseworker()).param("monthlyIncome", income))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Type the monthly income in whole euros")))
			.andExpect(content().string(Matchers.containsString("value=\"" + income + "\"")));
		assertThat(count(file)).isZero();
	}

	@Test
	void anEndBeforeTheStartAndAMissingStartAreRefused() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(add(file, team.asCaseworker()).param("endedOn", "2024-08-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("The end date cannot be before the start date.")));
		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("kind", "UNEMPLOYED"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Please fill in this field.")));
		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("kind", "UNEMPLOYED")
			.param("startedOn", "tomorrow")).andExpect(content().string(Matchers.containsString("Not a date")));
		assertThat(count(file)).isZero();
	}

	@Test
	void aColleagueOfTheTeamSeesWorkAndIncomeButNeverTheEmployer() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		mvc.perform(add(file, team.asCaseworker()).param("employer", "Bakery Durres").param("monthlyIncome", "450"))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get(base(file)).with(team.asColleague()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("450 EUR")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Bakery"))))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Employer"))));
		mvc.perform(get(base(file) + "/new").with(team.asColleague()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("name=\"employer\""))));
	}

	@Test
	void aColleagueMayRecordIncomeButNotEnterAnEmployer() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(add(file, team.asColleague()).param("employer", "Bakery Durres")).andExpect(status().isForbidden());
		assertThat(count(file)).isZero();
		mvc.perform(add(file, team.asColleague()).param("monthlyIncome", "300")).andExpect(status().is3xxRedirection());
		assertThat(count(file)).isOne();
		assertThat(fixture.auditActions(file.id())).contains("case.employment.add:DENIED");
	}

	@Test
	void strangersAndClosedCasesAreRefused() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(get(base(file)).with(team.asOutsider())).andExpect(status().isNotFound());
		mvc.perform(add(file, team.asOutsider())).andExpect(status().isNotFound());
		mvc.perform(get(base(file)).with(user("t").roles("TRANSLATOR"))).andExpect(status().isForbidden());
		mvc.perform(add(file, user("t").roles("TRANSLATOR"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/cases/" + UUID.randomUUID() + "/employment").with(team.asCaseworker()))
			.andExpect(status().isNotFound());
		fixture.close(file);
		mvc.perform(add(file, team.asCaseworker()))
			.andExpect(status().isConflict())
			.andExpect(content().string(Matchers.containsString("This case is closed.")));
		assertThat(count(file)).isZero();
	}

	private MockHttpServletRequestBuilder add(CaseFile file, RequestPostProcessor who) {
		return post(base(file)).with(who).with(csrf()).param("kind", "EMPLOYED").param("startedOn", "2024-09-01");
	}

	private int count(CaseFile file) {
		return jdbc.sql("select count(*) from cases.employment where case_id = ?").param(file.id()).query(Integer.class).single();
	}

	private static String base(CaseFile file) {
		return "/staff/cases/" + file.id() + "/employment";
	}

}
