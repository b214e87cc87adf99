package org.kinlink.cases.file;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case rows and their sealed RESTRICTED fields. Every write of the case row checks the version read
 * (optimistic locking) and raises it; a stale write changes nothing and throws
 * {@link CaseChangedMeanwhileException}.
 */
@Repository
public class CaseFiles {

	private static final String COLUMNS = """
			select id, reference, person_id, key_id, caseworker, team, state, risk_level, vulnerabilities, opened_at,
			       closed_at, closure_reason, reopened_at, version from cases.case_file
			""";

	private final JdbcClient jdbc;

	CaseFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String nextReference(Year year) {
		long n = jdbc.sql("select nextval('cases.reference_seq')").query(Long.class).single();
		return "KL-CASE-%d-%04d".formatted(year.getValue(), n);
	}

	public void insert(CaseFile c) {
		jdbc.sql("""
				insert into cases.case_file (id, reference, person_id, key_id, caseworker, team, state, risk_level,
				  vulnerabilities, opened_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?)
				""")
			.params(c.id(), c.reference(), c.personId(), c.keyId(), c.caseworker(), c.team(), c.state().name(),
					c.riskLevel().name(), literal(c.vulnerabilities()), Timestamp.from(c.openedAt()))
			.update();
	}

	/** When retention shredded the case, or empty while it is intact. */
	public Optional<Instant> shreddedAt(UUID id) {
		return jdbc.sql("select shredded_at from cases.case_file where id = ? and shredded_at is not null")
			.param(id)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	public Optional<CaseFile> find(UUID id) {
		return id == null ? Optional.empty() : jdbc.sql(COLUMNS + " where id = ?").param(id).query(CaseFiles::row).optional();
	}

	/** The case row locked until the transaction ends. */
	public Optional<CaseFile> lock(UUID id) {
		return id == null ? Optional.empty()
				: jdbc.sql(COLUMNS + " where id = ? for update").param(id).query(CaseFiles::row).optional();
	}

	/** The person's open case, if any. */
	public Optional<CaseFile> openFor(UUID personId) {
		return jdbc.sql(COLUMNS + " where person_id = ? and state = 'OPEN'").param(personId).query(CaseFiles::row).optional();
	}

	/** Every case of the person, newest first. */
	public List<CaseFile> allFor(UUID personId) {
		return jdbc.sql(COLUMNS + " where person_id = ? order by opened_at desc").param(personId).query(CaseFiles::row).list();
	}

	/** Cases whose caseworker of record is the user, or whose team is the (non-blank) team; open ones first. */
	public List<CaseFile> visibleTo(String username, String team, int limit) {
		return jdbc.sql(COLUMNS + """
				 where caseworker = :user or (:team <> '' and team = :team)
				 order by state desc, opened_at desc limit :limit
				""")
			.param("user", username)
			.param("team", team == null ? "" : team)
			.param("limit", limit)
			.query(CaseFiles::row)
			.list();
	}

	/** Saves the case row's clear columns if nobody saved it since {@code expected.version()}. */
	public void update(CaseFile c) {
		int changed = jdbc.sql("""
				update cases.case_file set caseworker = ?, team = ?, state = ?, risk_level = ?, vulnerabilities = ?::text[],
				  closed_at = ?, closure_reason = ?, reopened_at = ?, version = version + 1
				where id = ? and version = ?
				""")
			.params(c.caseworker(), c.team(), c.state().name(), c.riskLevel().name(), literal(c.vulnerabilities()),
					timestamp(c.closedAt()), c.closureReason(), timestamp(c.reopenedAt()), c.id(), c.version())
			.update();
		if (changed != 1) {
			throw new CaseChangedMeanwhileException();
		}
	}

	/** Reads one sealed column of the case (null when never written). */
	public byte[] sealed(UUID id, RestrictedField field) {
		return jdbc.sql("select " + field.column() + " from cases.case_file where id = ?")
			.param(id)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElse(null);
	}

	/** Writes one sealed column if nobody saved the case since {@code version}, and raises the version. */
	public void writeSealed(UUID id, RestrictedField field, byte[] ciphertext, int version) {
		int changed = jdbc.sql("update cases.case_file set " + field.column() + " = ?, version = version + 1 where id = ? and version = ?")
			.params(ciphertext, id, version)
			.update();
		if (changed != 1) {
			throw new CaseChangedMeanwhileException();
		}
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static String literal(Set<String> values) {
		return values.stream().sorted().reduce((a, b) -> a + "," + b).map(s -> "{" + s + "}").orElse("{}");
	}

	static CaseFile row(ResultSet rs, int rowNum) throws SQLException {
		Array array = rs.getArray("vulnerabilities");
		Set<String> vulnerabilities = Set.copyOf(Arrays.asList((String[]) array.getArray()));
		Timestamp closed = rs.getTimestamp("closed_at");
		Timestamp reopened = rs.getTimestamp("reopened_at");
		return new CaseFile(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getObject("person_id", UUID.class),
				rs.getObject("key_id", UUID.class), rs.getString("caseworker"), rs.getString("team"),
				CaseFile.CaseState.valueOf(rs.getString("state")), CaseFile.RiskLevel.valueOf(rs.getString("risk_level")),
				vulnerabilities, rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(),
				rs.getString("closure_reason"), reopened == null ? null : reopened.toInstant(), rs.getInt("version"));
	}

}
