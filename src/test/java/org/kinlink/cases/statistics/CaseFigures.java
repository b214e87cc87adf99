package org.kinlink.cases.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Known rows for the anonymous figures, written straight into the cases schema by SQL, and the figures they
 * must give. Callers run inside a test transaction: {@link #clear()} empties the schema, the rollback brings
 * back whatever other tests left.
 */
public final class CaseFigures {

	private static final OffsetDateTime T = OffsetDateTime.of(2024, 3, 10, 8, 0, 0, 0, ZoneOffset.UTC);

	private final JdbcClient jdbc;

	private final LocalDate today;

	private int references;

	public CaseFigures(JdbcClient jdbc, LocalDate today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	/** Empties every table of the cases schema (inside the caller's transaction). */
	public void clear() {
		jdbc.sql("truncate cases.case_file cascade").update();
		jdbc.sql("truncate cases.notification_template cascade").update();
	}

	/**
	 * Six cases of six people. Expected figures:
	 * services EMPLOYMENT/COMPLETED 1, HOUSING/ACTIVE 3, HOUSING/COMPLETED 1;
	 * employment EMPLOYED 4 people (median 1000, mean 1033), SELF_EMPLOYED 1 (300, 300), UNEMPLOYED 1 (no income);
	 * departures 2024: 2, 2025: 1;
	 * delays 2024 POLICE dispatched 3, late 1, median 20.0, max 30.0, pending 0; 2024 UN_BODY 1, 1, 80.0, 80.0, 1;
	 * 2025 POLICE 1, 0, 2.5, 2.5, 0;
	 * closures open 3, RESETTLED 2, SELF_RELIANT 1.
	 */
	public void insertKnownRows() {
		UUID a = caseFile("OPEN", null);
		UUID b = caseFile("OPEN", null);
		UUID c = caseFile("CLOSED", "RESETTLED");
		UUID d = caseFile("CLOSED", "RESETTLED");
		UUID e = caseFile("CLOSED", "SELF_RELIANT");
		UUID f = caseFile("OPEN", "LOST_CONTACT"); // reopened: the old reason stays, the case counts as open

		service(a, "HOUSING", "ACTIVE");
		service(a, "HOUSING", "ACTIVE");
		service(a, "EMPLOYMENT", "COMPLETED");
		service(b, "HOUSING", "ACTIVE");
		service(b, "HOUSING", "COMPLETED");
		service(c, "HOUSING", "ACTIVE");

		employment(a, "EMPLOYED", today.minusMonths(3), null, 600);
		employment(a, "EMPLOYED", today.minusMonths(1), today.plusDays(10), 200);
		employment(b, "EMPLOYED", today.minusYears(1), null, 1000);
		employment(b, "TRAINING", today.plusDays(1), null, 100);
		employment(c, "EMPLOYED", today.minusYears(1), today.minusDays(1), 5000);
		employment(c, "UNEMPLOYED", today.minusDays(1), null, null);
		employment(d, "EMPLOYED", today.minusMonths(2), null, null);
		employment(d, "SELF_EMPLOYED", today.minusMonths(2), null, 300);
		employment(e, "EMPLOYED", today, null, 1300);

		departure(a, LocalDate.of(2024, 3, 10));
		departure(b, LocalDate.of(2024, 11, 2));
		departure(c, LocalDate.of(2025, 1, 15));

		notification(a, "POLICE", "DISPATCHED", 24, 10.0);
		notification(a, "POLICE", "ACKNOWLEDGED", 24, 20.0);
		notification(a, "UN_BODY", "DISPATCHED", 72, 80.0);
		notification(b, "POLICE", "DISPATCHED", 24, 30.0);
		notification(b, "UN_BODY", "DRAFTED", 72, null);
		notification(c, "POLICE", "DISPATCHED", 24, 2.5);
		notification(c, "UN_BODY", "CANCELLED", 72, null);
		notification(f, "POLICE", "DRAFTED", 24, null); // no departure recorded: in no year
	}

	/** A single open case with one active housing service, a departure and one dispatched notification. */
	public void insertOneCase() {
		UUID a = caseFile("OPEN", null);
		service(a, "HOUSING", "ACTIVE");
		employment(a, "EMPLOYED", today.minusMonths(3), null, 750);
		departure(a, LocalDate.of(2024, 3, 10));
		notification(a, "POLICE", "DISPATCHED", 24, 5.0);
	}

	/** Open cases of {@code count} people, each with an active housing service and a job paying {@code income}. */
	public void insertHousedAndEmployed(int count, int income) {
		for (int i = 0; i < count; i++) {
			UUID id = caseFile("OPEN", null);
			service(id, "HOUSING", "ACTIVE");
			employment(id, "EMPLOYED", today.minusMonths(1), null, income);
			departure(id, LocalDate.of(2025, 6, 1));
		}
	}

	private UUID caseFile(String state, String reason) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cases.case_file (id, reference, person_id, key_id, caseworker, team, state, opened_at, closed_at,
				closure_reason) values (?, ?, ?, ?, 'cw', 'Tirana', ?, ?, ?, ?)""")
			.params(id, "T-" + UUID.randomUUID() + "-" + ++references, UUID.randomUUID(), UUID.randomUUID(), state, T,
					"CLOSED".equals(state) ? T.plusDays(100) : null, reason)
			.update();
		return id;
	}

	private void service(UUID caseId, String type, String status) {
		jdbc.sql("""
				insert into cases.service (id, case_id, type, provider, status, created_at)
				values (?, ?, ?, 'Provider', ?, ?)""")
			.params(UUID.randomUUID(), caseId, type, status, T)
			.update();
	}

	private void employment(UUID caseId, String kind, LocalDate from, LocalDate to, Integer income) {
		jdbc.sql("""
				insert into cases.employment (id, case_id, kind, started_on, ended_on, monthly_income_eur, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), caseId, kind, from, to, income, T)
			.update();
	}

	private void departure(UUID caseId, LocalDate on) {
		jdbc.sql("""
				insert into cases.departure (case_id, departed_on, recorded_at, recorded_by, details)
				values (?, ?, ?, 'cw', ?)""")
			.params(caseId, on, T, new byte[] { 1 })
			.update();
	}

	private void notification(UUID caseId, String kind, String state, int deadlineHours, Double dispatchedAfterHours) {
		OffsetDateTime dispatched = dispatchedAfterHours == null ? null
				: T.plusSeconds(Math.round(dispatchedAfterHours * 3600));
		jdbc.sql("""
				insert into cases.notification (id, case_id, authority_id, authority_kind, state, created_at, due_at,
				dispatched_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), caseId, UUID.randomUUID(), kind, state, T, T.plusHours(deadlineHours), dispatched)
			.update();
	}

}
