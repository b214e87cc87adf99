package org.kinlink.cases.employment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseFiles;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.cases.file.CaseSeal;
import org.kinlink.cases.services.ClosedCaseGuard;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work and income records of a case. The employer is sealed and opened only for a reader who may open the
 * case's RESTRICTED fields, and that read is audited as case.employment.read.
 */
@Service
class EmploymentRecords {

	private static final String SEALED = "employment.employer";

	private final JdbcClient jdbc;

	private final CaseFiles files;

	private final CaseSeal seal;

	private final AuditTrail audit;

	private final Clock clock;

	EmploymentRecords(JdbcClient jdbc, CaseFiles files, CaseSeal seal, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.seal = seal;
		this.audit = audit;
		this.clock = clock;
	}

	/** The records, newest first; the employer only when the reader may open RESTRICTED fields. */
	@Transactional
	public List<Employment> of(CaseFile file, CaseReader reader) {
		boolean restricted = reader.opensRestricted(file);
		List<Employment> records = jdbc.sql("""
				select id, case_id, kind, employer, started_on, ended_on, monthly_income_eur, created_at
				from cases.employment where case_id = ? order by started_on desc, created_at desc
				""").param(file.id()).query((rs, n) -> row(file, rs, restricted)).list();
		if (restricted && records.stream().anyMatch(e -> e.employer() != null)) {
			audit.record(AuditEvent.success("case.employment.read", "case", file.id()));
		}
		return records;
	}

	@Transactional
	public Employment add(CaseFile file, EmploymentKind kind, String employer, LocalDate startedOn, LocalDate endedOn,
			Integer monthlyIncomeEur) {
		CaseFile locked = files.lock(file.id()).orElseThrow(RecordNotFoundException::new);
		ClosedCaseGuard.requireOpen(locked);
		Employment e = Employment.create(UUID.randomUUID(), locked.id(), kind, employer, startedOn, endedOn,
				monthlyIncomeEur, clock.instant());
		jdbc.sql("""
				insert into cases.employment (id, case_id, kind, employer, started_on, ended_on, monthly_income_eur,
				  created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(e.id(), e.caseId(), e.kind().name(), seal.seal(locked, SEALED, e.id(), e.employer()),
					Date.valueOf(e.startedOn()), e.endedOn() == null ? null : Date.valueOf(e.endedOn()),
					e.monthlyIncomeEur(), Timestamp.from(e.createdAt()))
			.update();
		audit.record(AuditEvent.success("case.employment.add", "case", locked.id()).withDetail("employment=" + e.id()));
		return e;
	}

	private Employment row(CaseFile file, ResultSet rs, boolean restricted) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Date ended = rs.getDate("ended_on");
		Object income = rs.getObject("monthly_income_eur");
		return new Employment(id, rs.getObject("case_id", UUID.class), EmploymentKind.valueOf(rs.getString("kind")),
				restricted ? seal.open(file, SEALED, id, rs.getBytes("employer")) : null,
				rs.getDate("started_on").toLocalDate(), ended == null ? null : ended.toLocalDate(),
				income == null ? null : ((Number) income).intValue(), rs.getTimestamp("created_at").toInstant());
	}

}
