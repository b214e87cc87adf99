package org.kinlink.people.names;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL's pg_trgm similarity over the Any-Latin forms of both names (across scripts, raw trigrams share
 * nothing), computed by a throw-away embedded PostgreSQL with the extension.
 */
final class TrigramBaseline {

	private TrigramBaseline() {
	}

	static List<Double> similarities(List<String[]> pairs) throws IOException, SQLException {
		List<Double> scores = new ArrayList<>(pairs.size());
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				Connection connection = postgres.getPostgresDatabase().getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("create extension if not exists pg_trgm");
			}
			try (PreparedStatement query = connection.prepareStatement("select similarity(?, ?)")) {
				for (String[] pair : pairs) {
					query.setString(1, Baselines.latin(pair[0]));
					query.setString(2, Baselines.latin(pair[1]));
					try (ResultSet rs = query.executeQuery()) {
						rs.next();
						scores.add((double) rs.getFloat(1));
					}
				}
			}
		}
		return scores;
	}

}
