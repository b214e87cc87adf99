package org.kinlink.tracing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.kinlink.cases.DisclosureLevel;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;
import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What tracing tests need from other modules, set up the way the cases module stores it: a person, an open case
 * for them (SQL, with a real Vault key) and their current decision in cases.legal_basis, and its withdrawal.
 */
public final class TracingFixture {

	private final People people;

	private final Vault vault;

	private final JdbcClient jdbc;

	public TracingFixture(People people, Vault vault, JdbcClient jdbc) {
		this.people = people;
		this.vault = vault;
		this.jdbc = jdbc;
	}

	public UUID person(String namePersian, String nameLatin, String father, Integer birthYear) {
		return people.create(new PersonDetails(namePersian, nameLatin, father, birthYear, null));
	}

	/** Opens a case for the person (if none is open) and records their decision, ending any earlier one. */
	public UUID decide(UUID personId, DisclosureLevel level) {
		UUID caseId = jdbc.sql("select id from cases.case_file where person_id = ? and state = 'OPEN'")
			.param(personId)
			.query(UUID.class)
			.optional()
			.orElseGet(() -> openCase(personId));
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("update cases.legal_basis set ended_at = ?, ended_by = 'fixture', ended_how = 'SUPERSEDED' where person_id = ? and ended_at is null")
			.params(now, personId)
			.update();
		UUID keyId = jdbc.sql("select key_id from cases.case_file where id = ?").param(caseId).query(UUID.class).single();
		UUID basisId = UUID.randomUUID();
		jdbc.sql("""
				insert into cases.legal_basis (id, case_id, person_id, basis, level, method, details, recorded_by, recorded_at)
				values (?, ?, ?, 'CONSENT', ?, 'SIGNED', ?, 'fixture', ?)""")
			.params(basisId, caseId, personId, level.name(), vault.sealText(keyId, "signed form", "cases.consent:" + basisId), now)
			.update();
		return basisId;
	}

	/** The person withdraws their current decision. */
	public void withdraw(UUID personId) {
		jdbc.sql("update cases.legal_basis set ended_at = ?, ended_by = 'fixture', ended_how = 'WITHDRAWN' where person_id = ? and ended_at is null")
			.params(Timestamp.from(Instant.now()), personId)
			.update();
	}

	private UUID openCase(UUID personId) {
		UUID caseId = UUID.randomUUID();
		jdbc.sql("""
				insert into cases.case_file (id, reference, person_id, key_id, caseworker, team, state, opened_at)
				values (?, ?, ?, ?, 'fixture-caseworker', 'fixture-team', 'OPEN', ?)""")
			.params(caseId, "TEST-" + caseId, personId, vault.newKey(), Timestamp.from(Instant.now()))
			.update();
		return caseId;
	}

}
