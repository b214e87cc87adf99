package org.kinlink.cases.services;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseFiles;
import org.kinlink.storage.Vault;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Cases and staff for the tests: a team of its own per call (so tests never see each other's cases), a
 * caseworker of record, a colleague in the same team, the team's supervisor, and a caseworker of another team.
 */
@TestComponent
public class CaseFixture {

	private final CaseFiles files;

	private final Vault vault;

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseFixture(CaseFiles files, Vault vault, JdbcClient jdbc, Clock clock) {
		this.files = files;
		this.vault = vault;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A fresh team with its people and one open case whose caseworker of record is {@code team.caseworker}. */
	public Team team() {
		String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
		Team t = new Team(team, team + ".cw", team + ".colleague", team + ".sup", team + ".other");
		staff(t.caseworker(), team, "CASEWORKER");
		staff(t.colleague(), team, "CASEWORKER");
		staff(t.supervisor(), team, "SUPERVISOR");
		staff(t.outsider(), team + "-elsewhere", "CASEWORKER");
		return t;
	}

	/** A new open case of the team, its caseworker of record being the team's caseworker. */
	public CaseFile openCase(Team team) {
		CaseFile file = new CaseFile(UUID.randomUUID(), files.nextReference(Year.now(clock)), UUID.randomUUID(),
				vault.newKey(), team.caseworker(), team.name(), CaseFile.CaseState.OPEN, CaseFile.RiskLevel.HIGH, Set.of(),
				clock.instant(), null, null, null, 0);
		files.insert(file);
		return file;
	}

	public void close(CaseFile file) {
		jdbc.sql("update cases.case_file set state = 'CLOSED', closed_at = now(), closure_reason = 'OTHER' where id = ?")
			.param(file.id())
			.update();
	}

	/** The audit actions recorded for the case, oldest first. */
	public List<String> auditActions(UUID caseId) {
		return jdbc.sql("select action || ':' || outcome from audit.entry where record_type = 'case' and record_id = ? order by sequence")
			.param(caseId.toString())
			.query(String.class)
			.list();
	}

	private void staff(String username, String team, String role) {
		jdbc.sql("""
				insert into accounts.staff_user (id, username, display_name, roles, team)
				values (?, ?, ?, ?::text[], ?)
				""").params(UUID.randomUUID(), username, username, "{" + role + "}", team).update();
	}

	/** The people around one case. */
	public record Team(String name, String caseworker, String colleague, String supervisor, String outsider) {

		public RequestPostProcessor asCaseworker() {
			return user(caseworker).roles("CASEWORKER");
		}

		public RequestPostProcessor asColleague() {
			return user(colleague).roles("CASEWORKER");
		}

		public RequestPostProcessor asSupervisor() {
			return user(supervisor).roles("SUPERVISOR");
		}

		public RequestPostProcessor asOutsider() {
			return user(outsider).roles("CASEWORKER");
		}

	}

}
