package org.kinlink.security;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records that belong to another team than the matrix's users (who have no team and own nothing), keyed by the
 * route prefix and variable name they fill, e.g. {@code /staff/cases/id}.
 */
final class OtherTeam {

	private OtherTeam() {
	}

	static Map<String, String> seed(JdbcClient jdbc) {
		return Map.of();
	}

}
