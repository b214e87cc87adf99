package org.kinlink.security;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records that belong to another team than the matrix's users (who have no team and own nothing), keyed by the
 * route prefix and variable name they fill, e.g. {@code /staff/cases/id}.
 */
final class OtherTeam {

	private OtherTeam() {
	}

	/** A case of team "elsewhere" whose caseworker of record is someone else: the matrix users must find nothing. */
	static Map<String, String> seed(JdbcClient jdbc) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cases.case_file (id, reference, person_id, key_id, caseworker, team, state, opened_at)
				values (?, ?, ?, ?, 'other-caseworker', 'elsewhere', 'OPEN', now())
				""")
			.params(id, "KL-CASE-1999-" + id.toString().substring(0, 8), UUID.randomUUID(), UUID.randomUUID())
			.update();
		return Map.of("/staff/cases/id", id.toString(), "/staff/cases/caseId", id.toString());
	}

}
