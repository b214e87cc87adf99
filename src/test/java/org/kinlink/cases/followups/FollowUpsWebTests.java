package org.kinlink.cases.followups;

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
import org.kinlink.cases.file.CaseSeal;
import org.kinlink.cases.services.CaseFixture;
import org.kinlink.cases.services.CaseServicesWebTest;
import org.kinlink.shared.i18n.DateInput;
import org.kinlink.shared.i18n.Formats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@CaseServicesWebTest
class FollowUpsWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FollowUps followUps;

	@Autowired
	CaseSeal seal;

	@Autowired
	Formats fmt;

	@Test
	void caseworkerPlansAFollowUpWithAJalaliDateAndItsPurposeIsSealed() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		LocalDate due = followUps.today().plusDays(10);
		String jalali = new DateInput().print(due, java.util.Locale.forLanguageTag("fa"));

		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("dueOn", jalali)
			.param("purpose", "Check the rent contract")).andExpect(redirectedUrl(base(file)));

		assertThat(jdbc.sql("select due_on from cases.follow_up where case_id = ?").param(file.id()).query(LocalDate.class).single())
			.isEqualTo(due);
		byte[] purpose = jdbc.sql("select purpose from cases.follow_up where case_id = ?").param(file.id()).query(byte[].class).single();
		assertThat(new String(purpose, StandardCharsets.ISO_8859_1)).doesNotContain("rent");
		mvc.perform(get(base(file)).with(team.asColleague()).header("Accept-Language", "fa"))
			.andExpect(content().string(Matchers.containsString(fmt.date(due, java.util.Locale.forLanguageTag("fa")))))
			.andExpect(content().string(Matchers.containsString("Check the rent contract")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("followup-overdue"))));
		assertThat(fixture.auditActions(file.id())).contains("case.followup.add:SUCCESS");
	}

	@Test
	void aDueDateInThePastOrNotADateOrNoPurposeIsRefused() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf())
			.param("dueOn", followUps.today().minusDays(1).toString()).param("purpose", "Late"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("The due date cannot be in the past.")));
		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("dueOn", "2025-02-30")
			.param("purpose", "Bad date")).andExpect(content().string(Matchers.containsString("Not a date")));
		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf())
			.param("dueOn", followUps.today().plusDays(1).toString()).param("purpose", "  "))
			.andExpect(content().string(Matchers.containsString("Please fill in this field.")));
		assertThat(count(file)).isZero();
	}

	@Test
	void aFollowUpIsDoneOnceWithAnOutcome() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf())
			.param("dueOn", followUps.today().plusDays(2).toString()).param("purpose", "Visit the flat"))
			.andExpect(status().is3xxRedirection());
		UUID id = jdbc.sql("select id from cases.follow_up where case_id = ?").param(file.id()).query(UUID.class).single();
		String done = base(file) + "/" + id + "/done";

		mvc.perform(get(done).with(team.asColleague())).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Visit the flat")));
		mvc.perform(post(done).with(team.asColleague()).with(csrf()).param("outcome", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Please fill in this field.")));
		mvc.perform(post(done).with(team.asColleague()).with(csrf()).param("outcome", "Flat is dry and safe"))
			.andExpect(redirectedUrl(base(file)));
		mvc.perform(post(done).with(team.asCaseworker()).with(csrf()).param("outcome", "Again"))
			.andExpect(status().isConflict())
			.andExpect(content().string(Matchers.containsString("This follow-up is already done.")));

		assertThat(jdbc.sql("select done_by from cases.follow_up where id = ?").param(id).query(String.class).single())
			.isEqualTo(team.colleague());
		mvc.perform(get(base(file)).with(team.asCaseworker()))
			.andExpect(content().string(Matchers.containsString("Flat is dry and safe")));
		assertThat(fixture.auditActions(file.id())).contains("case.followup.done:SUCCESS");
	}

	@Test
	void anOverdueFollowUpIsShownInRedAndInWords() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		FollowUpsTestData.insert(jdbc, seal, file, followUps.today().minusDays(3), null);

		mvc.perform(get(base(file)).with(team.asCaseworker()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("followup-overdue text-danger")))
			.andExpect(content().string(Matchers.containsString("Overdue")));
	}

	@Test
	void strangersUnknownAndClosedCasesAreRefused() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		String tomorrow = followUps.today().plusDays(1).toString();

		mvc.perform(get(base(file)).with(team.asOutsider())).andExpect(status().isNotFound());
		mvc.perform(post(base(file)).with(team.asOutsider()).with(csrf()).param("dueOn", tomorrow).param("purpose", "x"))
			.andExpect(status().isNotFound());
		mvc.perform(get(base(file)).with(user("t").roles("TRANSLATOR"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/cases/" + UUID.randomUUID() + "/followups").with(team.asCaseworker()))
			.andExpect(status().isNotFound());
		mvc.perform(get(base(file) + "/" + UUID.randomUUID() + "/done").with(team.asCaseworker()))
			.andExpect(status().isNotFound());
		fixture.close(file);
		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("dueOn", tomorrow).param("purpose", "x"))
			.andExpect(status().isConflict())
			.andExpect(content().string(Matchers.containsString("This case is closed.")));
		assertThat(count(file)).isZero();
	}

	private int count(CaseFile file) {
		return jdbc.sql("select count(*) from cases.follow_up where case_id = ?").param(file.id()).query(Integer.class).single();
	}

	private static String base(CaseFile file) {
		return "/staff/cases/" + file.id() + "/followups";
	}

}
