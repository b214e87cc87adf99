package org.kinlink.cases.casefile;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kinlink.accounts.MovableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One Spring context for the casework tests: the real application on embedded PostgreSQL, a clock the tests
 * move forward, and the deadline job switched off (tests call it with their own time). Staff, teams and
 * authorities are set with SQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@TestPropertySource(properties = "kinlink.cases.deadlines.enabled=false")
public abstract class CasesTestSupport {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MovableClock clock;

	/** Creates or updates an enabled staff account with its team and roles. */
	protected void staff(String username, String team, String... roles) {
		jdbc.sql("""
				insert into accounts.staff_user (id, username, display_name, password_hash, roles, team)
				values (?, ?, ?, 'x', ?::text[], ?)
				on conflict (username) do update set team = excluded.team, roles = excluded.roles, enabled = true
				""").params(UUID.randomUUID(), username, "Staff " + username, "{" + String.join(",", roles) + "}", team).update();
	}

	/** The signed-in staff member for MockMvc. */
	protected static RequestPostProcessor as(String username, String... roles) {
		return user(username).roles(roles);
	}

	/** An active police authority (Albanian) and a UN body (English), created once. */
	protected void authorities() {
		authority("Policia e Shtetit, Drejtoria e Tiranës", "POLICE", "sq", "policia@kinlink.test");
		authority("UNHCR Albania", "UN_BODY", "en", "unhcr@kinlink.test");
	}

	protected UUID authority(String name, String kind, String language, String email) {
		return jdbc.sql("select id from referrals.authority where name = ?").param(name).query(UUID.class).optional().orElseGet(() -> {
			UUID id = UUID.randomUUID();
			jdbc.sql("""
					insert into referrals.authority (id, name, kind, language, postal_address, email, ack_deadline_days,
					  created_at, updated_at)
					values (?, ?, ?, ?, 'Rruga e Durrësit, Tiranë', ?, 14, now(), now())
					""").params(id, name, kind, language, email).update();
			return id;
		});
	}

	/** Records a departure of a new person through the form; returns the case id. */
	protected UUID openCase(String caseworker, String nameLatin, String namePersian) throws Exception {
		MvcResult result = mvc.perform(post("/staff/cases/departures").with(csrf()).with(as(caseworker, "CASEWORKER"))
			.param("namePersian", namePersian)
			.param("nameLatin", nameLatin)
			.param("fatherName", "Hassan")
			.param("birthYear", "1990")
			.param("departedOn", "1403/05/12")
			.param("departurePlace", "Camp Ashraf 3, Manëz")
			.param("reachedSafety", "Walked to the police station in Durrës at night")
			.param("reportedBy", "A cousin in Tirana"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return UUID.fromString(result.getResponse().getRedirectedUrl().substring("/staff/cases/".length()));
	}

	protected int version(UUID caseId) {
		return jdbc.sql("select version from cases.case_file where id = ?").param(caseId).query(Integer.class).single();
	}

	/** The audit entries of a case, oldest first, as "actor action outcome". */
	protected List<String> audit(UUID caseId) {
		return jdbc.sql("select actor, action, outcome from audit.entry where record_type = 'case' and record_id = ? order by sequence")
			.param(caseId.toString())
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list();
	}

	protected List<Map<String, Object>> notifications(UUID caseId) {
		return jdbc.sql("select * from cases.notification where case_id = ? order by authority_kind").param(caseId).query().listOfRows();
	}

}
