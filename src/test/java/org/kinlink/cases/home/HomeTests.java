package org.kinlink.cases.home;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.cases.casefile.CasesTestSupport;

/** The caseworker's home: tasks due, late notifications, follow-ups this week; supervisors see their team's. */
class HomeTests extends CasesTestSupport {

	@BeforeEach
	void setUp() {
		staff("home.arta", "home-team", "CASEWORKER");
		staff("home.besnik", "home-team", "CASEWORKER");
		staff("home.sup", "home-team", "SUPERVISOR");
		staff("home.far", "far-team", "SUPERVISOR");
		authorities();
	}

	@Test
	void theHomePageListsTasksDueAndFollowUpsOfOwnCases() throws Exception {
		UUID caseId = openCase("home.arta", "Arash Ebrahimi", "آرش ابراهیمی");
		String reference = jdbc.sql("select reference from cases.case_file where id = ?").param(caseId).query(String.class).single();
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Tirane"));
		jdbc.sql("""
				insert into cases.follow_up (id, case_id, due_on, purpose, created_by, created_at)
				values (?, ?, ?, '\\x00'::bytea, 'home.arta', now())
				""").params(UUID.randomUUID(), caseId, today.plusDays(3)).update();

		mvc.perform(get("/staff/cases/home").with(as("home.arta", "CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Safe housing")))
			.andExpect(content().string(containsString("follow-up due")))
			.andExpect(content().string(containsString(reference)));
		mvc.perform(get("/staff/cases/home").with(as("home.sup", "SUPERVISOR")))
			.andExpect(content().string(containsString(reference)));
		mvc.perform(get("/staff/cases/home").with(as("home.besnik", "CASEWORKER")))
			.andExpect(content().string(not(containsString(reference))));
		mvc.perform(get("/staff/cases/home").with(as("home.far", "SUPERVISOR")))
			.andExpect(content().string(not(containsString(reference))));
	}

	@Test
	void theHomePageSpeaksPersianWithJalaliDatesAndAlbanian() throws Exception {
		openCase("home.arta", "Shirin Rahmani", "شیرین رحمانی");
		mvc.perform(get("/staff/cases/home").param("lang", "fa").with(as("home.arta", "CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("کارهای این هفته")))
			.andExpect(content().string(containsString("۱۴۰")));
		mvc.perform(get("/staff/cases/home").param("lang", "sq").with(as("home.arta", "CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Detyrat e kësaj jave")));
	}

}
