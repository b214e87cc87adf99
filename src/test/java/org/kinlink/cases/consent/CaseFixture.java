package org.kinlink.cases.consent;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.Year;
import java.util.Set;
import java.util.UUID;

import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseFiles;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;
import org.kinlink.storage.Vault;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A case of its own for each test: a person, a team, the caseworker of record, a team supervisor, a team
 * colleague and a caseworker of another team (the team members stored as staff accounts, since the team comes
 * from the staff directory). Shared by the consent and waiting-messages tests.
 */
public final class CaseFixture {

	public final UUID personId;

	public final UUID caseId;

	public final String team;

	public final String caseworker;

	public final String supervisor;

	public final String colleague;

	public final String stranger;

	private final ApplicationContext context;

	public CaseFixture(ApplicationContext context) {
		this.context = context;
		String tag = UUID.randomUUID().toString().substring(0, 8);
		team = "Team-" + tag;
		caseworker = "cw." + tag;
		supervisor = "sup." + tag;
		colleague = "mate." + tag;
		stranger = "other." + tag;
		staff(supervisor, team, "SUPERVISOR");
		staff(colleague, team, "CASEWORKER");
		staff(stranger, "Elsewhere-" + tag, "CASEWORKER");
		personId = context.getBean(People.class).create(new PersonDetails("رضا کریمی", "Reza Karimi", "حسن", 1988, null));
		caseId = openCase(personId, caseworker, team);
	}

	/** A new open case for the person, its key from the vault. */
	public UUID openCase(UUID person, String owner, String ownerTeam) {
		CaseFiles files = context.getBean(CaseFiles.class);
		UUID id = UUID.randomUUID();
		files.insert(new CaseFile(id, files.nextReference(Year.now()), person, context.getBean(Vault.class).newKey(), owner,
				ownerTeam, CaseFile.CaseState.OPEN, CaseFile.RiskLevel.HIGH, Set.of(), Instant.now(), null, null, null, 0));
		return id;
	}

	private void staff(String username, String staffTeam, String role) {
		context.getBean(JdbcClient.class)
			.sql("insert into accounts.staff_user (id, username, display_name, roles, team) values (?, ?, ?, ?::text[], ?)")
			.params(UUID.randomUUID(), username, "Test " + username, "{" + role + "}", staffTeam)
			.update();
	}

	public RequestPostProcessor asCaseworker() {
		return user(caseworker).roles("CASEWORKER");
	}

	public RequestPostProcessor asSupervisor() {
		return user(supervisor).roles("SUPERVISOR");
	}

	public RequestPostProcessor asColleague() {
		return user(colleague).roles("CASEWORKER");
	}

	public RequestPostProcessor asStranger() {
		return user(stranger).roles("CASEWORKER");
	}

	public CaseReader caseworkerReader() {
		return new CaseReader(caseworker, null, true, false);
	}

	/** Records the person's signed consent at this level through the consent page. */
	public void consent(MockMvc mvc, DisclosureLevel level) throws Exception {
		var request = post("/staff/cases/" + caseId + "/consent").with(asCaseworker())
			.with(csrf())
			.param("level", level.name())
			.param("method", "SIGNED");
		if (level == DisclosureLevel.SHARE_CONTACT) {
			request.param("relatives", "مریم احمدی");
		}
		mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	/** The id of the person's current decision. */
	public UUID currentBasis() {
		return context.getBean(JdbcClient.class)
			.sql("select id from cases.legal_basis where person_id = ? and ended_at is null")
			.param(personId)
			.query(UUID.class)
			.single();
	}

	/** Withdraws the decision as the caseworker of record, in the caller's transaction if there is one. */
	public void withdraw(UUID basisId) {
		context.getBean(ConsentRecords.class).withdraw(caseId, basisId, caseworkerReader());
	}

}
