package org.kinlink.cases.departure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseSeal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The departure rows: the day in clear (for the per-year report), the place, the way to safety and who reported
 * it sealed under the case key (context "cases.departure:&lt;case id&gt;").
 */
@Repository
public class Departures {

	static final String WHAT = "departure";

	/** Separates the sealed parts; never part of a validated text. */
	private static final String SEPARATOR = "\u0000";

	private final JdbcClient jdbc;

	private final CaseSeal seal;

	Departures(JdbcClient jdbc, CaseSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	void insert(CaseFile file, LocalDate departedOn, Instant recordedAt, String recordedBy, String place,
			String reachedSafety, String reportedBy) {
		byte[] details = seal.seal(file, WHAT, file.id(), place + SEPARATOR + reachedSafety + SEPARATOR + reportedBy);
		jdbc.sql("insert into cases.departure (case_id, departed_on, recorded_at, recorded_by, details) values (?, ?, ?, ?, ?)")
			.params(file.id(), departedOn, Timestamp.from(recordedAt), recordedBy, details)
			.update();
	}

	/** The case's departure, opened (the caller audits the case read). */
	public Optional<Departure> of(CaseFile file) {
		return jdbc.sql("select departed_on, recorded_at, recorded_by, details from cases.departure where case_id = ?")
			.param(file.id())
			.query((rs, n) -> {
				String[] parts = seal.open(file, WHAT, file.id(), rs.getBytes("details")).split(SEPARATOR, 3);
				return new Departure(rs.getObject("departed_on", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(),
						rs.getString("recorded_by"), parts[0], parts[1], parts[2]);
			})
			.optional();
	}

}
