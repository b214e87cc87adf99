package org.kinlink.cases.followups;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseFiles;
import org.kinlink.cases.file.CaseSeal;
import org.kinlink.cases.services.ClosedCaseGuard;
import org.kinlink.cases.services.InvalidEntryException;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups of a case: added with a due date not in the past, completed once with an outcome, reminded once
 * when due tomorrow or overdue. Purpose and outcome are sealed under the case key; every change is audited.
 */
@Service
class FollowUps {

	private static final String PURPOSE = "followup.purpose";

	private static final String OUTCOME = "followup.outcome";

	private final JdbcClient jdbc;

	private final CaseFiles files;

	private final CaseSeal seal;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	FollowUps(JdbcClient jdbc, CaseFiles files, CaseSeal seal, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
		this.jdbc = jdbc;
		this.files = files;
		this.seal = seal;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/** Today where the association works. */
	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	/** Open follow-ups first (soonest due first), then the done ones. */
	@Transactional(readOnly = true)
	public List<FollowUp> of(CaseFile file) {
		return jdbc.sql("""
				select id, case_id, due_on, purpose, outcome, created_by, created_at, done_at, done_by, reminded_at
				from cases.follow_up where case_id = ? order by done_at nulls first, due_on, created_at
				""").param(file.id()).query((rs, n) -> row(file, rs)).list();
	}

	@Transactional
	public FollowUp add(CaseFile file, LocalDate dueOn, String purpose, String by) {
		CaseFile locked = lockOpen(file);
		if (dueOn.isBefore(today())) {
			throw new InvalidEntryException("dueOn", "caseservices.followup.dueInPast");
		}
		FollowUp f = new FollowUp(UUID.randomUUID(), locked.id(), dueOn, purpose, null, by, clock.instant(), null, null,
				null);
		jdbc.sql("""
				insert into cases.follow_up (id, case_id, due_on, purpose, created_by, created_at)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(f.id(), f.caseId(), Date.valueOf(dueOn), seal.seal(locked, PURPOSE, f.id(), purpose), by,
					Timestamp.from(f.createdAt()))
			.update();
		audit.record(AuditEvent.success("case.followup.add", "case", locked.id()).withDetail("followUp=" + f.id()));
		return f;
	}

	@Transactional
	public FollowUp get(CaseFile file, UUID followUpId) {
		return jdbc.sql("""
				select id, case_id, due_on, purpose, outcome, created_by, created_at, done_at, done_by, reminded_at
				from cases.follow_up where id = ? and case_id = ?
				""")
			.params(followUpId, file.id())
			.query((rs, n) -> row(file, rs))
			.optional()
			.orElseThrow(RecordNotFoundException::new);
	}

	@Transactional
	public FollowUp complete(CaseFile file, UUID followUpId, String outcome, String by) {
		CaseFile locked = lockOpen(file);
		FollowUp current = jdbc.sql("""
				select id, case_id, due_on, purpose, outcome, created_by, created_at, done_at, done_by, reminded_at
				from cases.follow_up where id = ? and case_id = ? for update
				""")
			.params(followUpId, locked.id())
			.query((rs, n) -> row(locked, rs))
			.optional()
			.orElseThrow(RecordNotFoundException::new);
		FollowUp done = current.completed(outcome, by, clock.instant());
		jdbc.sql("update cases.follow_up set outcome = ?, done_at = ?, done_by = ? where id = ?")
			.params(seal.seal(locked, OUTCOME, followUpId, outcome), Timestamp.from(done.doneAt()), by, followUpId)
			.update();
		audit.record(AuditEvent.success("case.followup.done", "case", locked.id()).withDetail("followUp=" + followUpId));
		return done;
	}

	/**
	 * Marks every open follow-up of an open case that is due tomorrow or earlier and was not reminded yet, audits
	 * it and publishes {@link FollowUpDue}; returns how many. Rows are claimed with SKIP LOCKED, so two nodes never
	 * remind the same follow-up.
	 */
	@Transactional
	public int remind() {
		Instant now = clock.instant();
		LocalDate tomorrow = today().plusDays(1);
		List<FollowUpDue> due = jdbc.sql("""
				update cases.follow_up set reminded_at = ?
				where id in (select f.id from cases.follow_up f join cases.case_file c on c.id = f.case_id
				             where f.done_at is null and f.reminded_at is null and f.due_on <= ? and c.state = 'OPEN'
				             for update of f skip locked)
				returning id, case_id
				""")
			.params(Timestamp.from(now), Date.valueOf(tomorrow))
			.query((rs, n) -> new FollowUpDue(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class)))
			.list();
		for (FollowUpDue d : due) {
			audit.recordAs("system", AuditEvent.success("case.followup.remind", "case", d.caseId())
				.withDetail("followUp=" + d.followUpId()));
			events.publishEvent(d);
		}
		return due.size();
	}

	private CaseFile lockOpen(CaseFile file) {
		CaseFile locked = files.lock(file.id()).orElseThrow(RecordNotFoundException::new);
		ClosedCaseGuard.requireOpen(locked);
		return locked;
	}

	private FollowUp row(CaseFile file, ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new FollowUp(id, rs.getObject("case_id", UUID.class), rs.getDate("due_on").toLocalDate(),
				seal.open(file, PURPOSE, id, rs.getBytes("purpose")), seal.open(file, OUTCOME, id, rs.getBytes("outcome")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("done_at")),
				rs.getString("done_by"), instant(rs.getTimestamp("reminded_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
