package org.kinlink.cases.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.cases.DisclosureLevel;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of cases.legal_basis: at most one current decision per person, the ended ones kept as history. */
@Repository
class LegalBases {

	private static final String COLUMNS = """
			select id, case_id, person_id, basis, level, method, recorded_by, recorded_at, ended_at, ended_by, ended_how
			from cases.legal_basis
			""";

	private final JdbcClient jdbc;

	LegalBases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises changes to one person's decisions until the transaction ends, so two decisions recorded at once
	 * never both find "no current decision". Disclosures do not take it: they lock the current row instead.
	 */
	void lockPerson(UUID personId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 20))")
			.param(personId.toString())
			.query((RowCallbackHandler) rs -> {
			});
	}

	/** The person's current decision, locked FOR UPDATE: waits for any disclosure resting on it to finish. */
	Optional<LegalBasis> lockCurrent(UUID personId) {
		return jdbc.sql(COLUMNS + " where person_id = ? and ended_at is null for update")
			.param(personId)
			.query(LegalBases::row)
			.optional();
	}

	/** One decision locked FOR UPDATE, if it is the person's. */
	Optional<LegalBasis> lock(UUID id, UUID personId) {
		return jdbc.sql(COLUMNS + " where id = ? and person_id = ? for update")
			.params(id, personId)
			.query(LegalBases::row)
			.optional();
	}

	Optional<LegalBasis> current(UUID personId) {
		return jdbc.sql(COLUMNS + " where person_id = ? and ended_at is null").param(personId).query(LegalBases::row).optional();
	}

	/** Every decision about the person, newest first. */
	List<LegalBasis> forPerson(UUID personId) {
		return jdbc.sql(COLUMNS + " where person_id = ? order by recorded_at desc, ended_at desc nulls first")
			.param(personId)
			.query(LegalBases::row)
			.list();
	}

	byte[] details(UUID id) {
		return jdbc.sql("select details from cases.legal_basis where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).single();
	}

	void insert(LegalBasis basis, byte[] sealedDetails) {
		jdbc.sql("""
				insert into cases.legal_basis (id, case_id, person_id, basis, level, method, details, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(basis.id(), basis.caseId(), basis.personId(), basis.kind().name(), basis.level().name(),
					basis.method().name(), sealedDetails, basis.recordedBy(), Timestamp.from(basis.recordedAt()))
			.update();
	}

	/** Ends a current decision; false when it had already ended. */
	boolean end(UUID id, Instant at, String by, LegalBasis.Ending how) {
		return jdbc.sql("update cases.legal_basis set ended_at = ?, ended_by = ?, ended_how = ? where id = ? and ended_at is null")
			.params(Timestamp.from(at), by, how.name(), id)
			.update() == 1;
	}

	static LegalBasis row(ResultSet rs, int rowNum) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		String how = rs.getString("ended_how");
		return new LegalBasis(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("person_id", UUID.class), LegalBasis.Kind.valueOf(rs.getString("basis")),
				DisclosureLevel.valueOf(rs.getString("level")), LegalBasis.Method.valueOf(rs.getString("method")),
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
				ended == null ? null : ended.toInstant(), rs.getString("ended_by"),
				how == null ? null : LegalBasis.Ending.valueOf(how));
	}

}
