package org.kinlink.cases.departure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.cases.CaseOpened;
import org.kinlink.cases.casefile.CasesTestSupport;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Recording a departure: one transaction opens the case (reference, caseworker and team, OPEN), the
 * departure (sealed details), the first-tasks checklist and one notification referral per active authority
 * with a template; bad input is shown back in the form.
 */
@RecordApplicationEvents
class DepartureTests extends CasesTestSupport {

	@Autowired
	People people;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void setUp() {
		staff("dep.arta", "north", "CASEWORKER");
		authorities();
	}

	@Test
	void recordingADepartureOpensTheCaseWithTasksAndNotifications() throws Exception {
		UUID caseId = openCase("dep.arta", "Maryam Rahimi", "مریم رحیمی");

		Map<String, Object> row = jdbc.sql("select * from cases.case_file where id = ?").param(caseId).query().singleRow();
		assertThat((String) row.get("reference")).matches("KL-CASE-\\d{4}-\\d{4}");
		assertThat(row.get("caseworker")).isEqualTo("dep.arta");
		assertThat(row.get("team")).isEqualTo("north");
		assertThat(row.get("state")).isEqualTo("OPEN");

		Map<String, Object> departure = jdbc.sql("select * from cases.departure where case_id = ?").param(caseId).query().singleRow();
		assertThat(departure.get("departed_on")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2024, 8, 2)));
		assertThat(new String((byte[]) departure.get("details"), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("Durrës").doesNotContain("cousin");

		List<String> tasks = jdbc.sql("select kind from cases.task where case_id = ? order by kind").param(caseId).query(String.class).list();
		assertThat(tasks).containsExactly("DOCUMENTS", "LEGAL_ADVICE", "MEDICAL_CHECK", "SAFE_HOUSING");

		List<Map<String, Object>> notifications = notifications(caseId);
		assertThat(notifications).extracting(n -> n.get("authority_kind")).contains("POLICE", "UN_BODY");
		Timestamp recorded = (Timestamp) jdbc.sql("select recorded_at from cases.departure where case_id = ?").param(caseId).query().singleValue();
		for (Map<String, Object> n : notifications) {
			Duration deadline = Duration.between(recorded.toInstant(), ((Timestamp) n.get("due_at")).toInstant());
			assertThat(deadline).isEqualTo("POLICE".equals(n.get("authority_kind")) ? Duration.ofHours(24) : Duration.ofHours(72));
			assertThat(n.get("state")).isEqualTo("DRAFTED");
			Map<String, Object> referral = jdbc.sql("select state, created_by, notice from referrals.referral where id = ?")
				.param(n.get("referral_id")).query().singleRow();
			assertThat(referral.get("state")).isEqualTo("DRAFT");
			assertThat(referral.get("created_by")).isEqualTo("dep.arta");
			assertThat(referral.get("notice")).isNotNull();
		}
		assertThat(events.stream(CaseOpened.class)).extracting(CaseOpened::caseId).containsExactly(caseId);
		assertThat(audit(caseId)).contains("dep.arta case.open SUCCESS");
	}

	@Test
	void aDateInTheFutureIsRefused() throws Exception {
		LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Tirane")).plusDays(2);
		mvc.perform(departure("Future Person", tomorrow.toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "departedOn", "cases.departure.date.future"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("The date cannot be in the future.")));
	}

	@Test
	void aDateThatIsNoDateIsRefusedInTheReadersLanguage() throws Exception {
		mvc.perform(departure("Bad Date", "1403/13/45").param("lang", "sq"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "departedOn", "typeMismatch"));
	}

	@Test
	void anUnknownPersonIsRefused() throws Exception {
		mvc.perform(departure("Ignored", "2024-08-02").param("personId", UUID.randomUUID().toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "personId", "cases.departure.person.unknown"));
	}

	@Test
	void aDepartureWithoutAPersonIsRefused() throws Exception {
		mvc.perform(departure("", "2024-08-02"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "namePersian", "cases.departure.person.needed"));
	}

	@Test
	void aPersonWithAnOpenCaseGetsNoSecondOne() throws Exception {
		UUID personId = people.create(new PersonDetails("زهرا کریمی", "Zahra Karimi", null, 1985, null));
		mvc.perform(departure(null, "2024-08-02").param("personId", personId.toString()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(departure(null, "2024-08-03").param("personId", personId.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("This person already has an open case.")));
		assertThat(jdbc.sql("select count(*) from cases.case_file where person_id = ?").param(personId).query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void theSearchFindsAKnownPersonToChoose() throws Exception {
		people.create(new PersonDetails("فاطمه نوری", "Fatemeh Nouri", null, 1979, null));
		mvc.perform(get("/staff/cases/departures/new").param("q", "Nouri").with(as("dep.arta", "CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Fatemeh Nouri")));
	}

	@Test
	void onlyCaseworkersAndSupervisorsRecordDepartures() throws Exception {
		mvc.perform(get("/staff/cases/departures/new").with(as("t1", "TRANSLATOR"))).andExpect(status().isForbidden());
		mvc.perform(post("/staff/cases/departures").with(csrf()).with(as("l1", "LIAISON")).param("nameLatin", "X"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/cases/departures/new").with(as("dep.sup", "SUPERVISOR"))).andExpect(status().isOk());
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder departure(String nameLatin, String date) {
		var request = post("/staff/cases/departures").with(csrf()).with(as("dep.arta", "CASEWORKER"))
			.param("departedOn", date)
			.param("departurePlace", "Manëz")
			.param("reachedSafety", "By car")
			.param("reportedBy", "A neighbour");
		return nameLatin == null ? request : request.param("nameLatin", nameLatin);
	}

}
