package org.kinlink.cases.services;

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
import org.kinlink.cases.file.CaseSeal;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The services of a case: stored with their provider and notes sealed under the case key, saved with the service's own
 * version (optimistic locking), every change audited. The case row is locked while a service changes, so a
 * closure cannot slip in between the check and the write.
 */
@Service
class CaseServices {

	private static final String SEALED = "service.notes";

	private static final String SEALED_PROVIDER = "service.provider";

	private static final String COLUMNS = """
			select id, case_id, type, provider, sealed_provider, started_on, ended_on, status, outcome, notes, created_at,
			  version
			from cases.service
			""";

	private final JdbcClient jdbc;

	private final CaseFiles files;

	private final CaseSeal seal;

	private final AuditTrail audit;

	private final Clock clock;

	CaseServices(JdbcClient jdbc, CaseFiles files, CaseSeal seal, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.seal = seal;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<CaseService> of(CaseFile file) {
		return jdbc.sql(COLUMNS + " where case_id = ? order by created_at, id")
			.param(file.id())
			.query((rs, n) -> row(file, rs))
			.list();
	}

	@Transactional(readOnly = true)
	public CaseService get(CaseFile file, UUID serviceId) {
		return jdbc.sql(COLUMNS + " where id = ? and case_id = ?")
			.params(serviceId, file.id())
			.query((rs, n) -> row(file, rs))
			.optional()
			.orElseThrow(RecordNotFoundException::new);
	}

	@Transactional
	public CaseService add(CaseFile file, CaseService.Details details) {
		CaseFile locked = lockOpen(file);
		CaseService service = CaseService.create(UUID.randomUUID(), locked.id(), details, clock.instant());
		jdbc.sql("""
				insert into cases.service (id, case_id, type, provider, sealed_provider, started_on, ended_on, status, outcome,
				  notes, created_at, version)
				values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, 0)
				""")
			.params(service.id(), service.caseId(), service.type().name(),
					seal.seal(locked, SEALED_PROVIDER, service.id(), service.provider()), date(service.startedOn()),
					date(service.endedOn()), service.status().name(), name(service.outcome()),
					seal.seal(locked, SEALED, service.id(), service.notes()), Timestamp.from(service.createdAt()))
			.update();
		audit.record(AuditEvent.success("case.service.add", "case", locked.id()).withDetail("service=" + service.id()));
		return service;
	}

	/** Saves the change if nobody saved the service since {@code formVersion}. */
	@Transactional
	public CaseService change(CaseFile file, UUID serviceId, CaseService.Details details, int formVersion) {
		CaseFile locked = lockOpen(file);
		CaseService current = get(locked, serviceId);
		if (current.version() != formVersion) {
			throw new ServiceChangedMeanwhileException();
		}
		CaseService changed = current.changed(details, formVersion);
		int updated = jdbc.sql("""
				update cases.service set type = ?, provider = null, sealed_provider = ?, started_on = ?, ended_on = ?,
				  status = ?, outcome = ?, notes = ?, version = version + 1
				where id = ? and case_id = ? and version = ?
				""")
			.params(changed.type().name(), seal.seal(locked, SEALED_PROVIDER, serviceId, changed.provider()),
					date(changed.startedOn()), date(changed.endedOn()),
					changed.status().name(), name(changed.outcome()), seal.seal(locked, SEALED, serviceId, changed.notes()),
					serviceId, locked.id(), formVersion)
			.update();
		if (updated != 1) {
			throw new ServiceChangedMeanwhileException();
		}
		audit.record(AuditEvent.success("case.service.edit", "case", locked.id())
			.withDetail("service=" + serviceId + ";status=" + changed.status()));
		return changed;
	}

	private CaseFile lockOpen(CaseFile file) {
		CaseFile locked = files.lock(file.id()).orElseThrow(RecordNotFoundException::new);
		ClosedCaseGuard.requireOpen(locked);
		return locked;
	}

	private CaseService row(CaseFile file, ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String outcome = rs.getString("outcome");
		return new CaseService(id, rs.getObject("case_id", UUID.class), ServiceType.valueOf(rs.getString("type")),
				provider(file, id, rs), localDate(rs.getDate("started_on")), localDate(rs.getDate("ended_on")),
				ServiceStatus.valueOf(rs.getString("status")), outcome == null ? null : ServiceOutcome.valueOf(outcome),
				seal.open(file, SEALED, id, rs.getBytes("notes")), rs.getTimestamp("created_at").toInstant(),
				rs.getInt("version"));
	}

	/** The sealed provider; a row saved before it was sealed still holds it in clear until its next save. */
	private String provider(CaseFile file, UUID id, ResultSet rs) throws SQLException {
		byte[] sealed = rs.getBytes("sealed_provider");
		return sealed != null ? seal.open(file, SEALED_PROVIDER, id, sealed) : rs.getString("provider");
	}

	static LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

}
