package org.kinlink.cases.notes;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseFiles;
import org.kinlink.cases.file.CaseSeal;
import org.kinlink.cases.services.ClosedCaseGuard;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case notes, append-only: written and read, never edited or deleted. Callers check first that the reader may
 * open RESTRICTED fields; every read is audited as case.note.read, every note written as case.note.add.
 */
@Service
class CaseNotes {

	private static final String SEALED = "note.body";

	private final JdbcClient jdbc;

	private final CaseFiles files;

	private final CaseSeal seal;

	private final AuditTrail audit;

	private final Clock clock;

	CaseNotes(JdbcClient jdbc, CaseFiles files, CaseSeal seal, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.seal = seal;
		this.audit = audit;
		this.clock = clock;
	}

	/** The notes, newest first, opened and audited. */
	@Transactional
	public List<CaseNote> read(CaseFile file) {
		List<CaseNote> notes = jdbc.sql("""
				select id, case_id, author, written_at, body from cases.note where case_id = ? order by written_at desc, id
				""").param(file.id()).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new CaseNote(id, rs.getObject("case_id", UUID.class), rs.getString("author"),
					rs.getTimestamp("written_at").toInstant(), seal.open(file, SEALED, id, rs.getBytes("body")));
		}).list();
		if (!notes.isEmpty()) {
			audit.record(AuditEvent.success("case.note.read", "case", file.id()));
		}
		return notes;
	}

	@Transactional
	public CaseNote add(CaseFile file, String body, String author) {
		CaseFile locked = files.lock(file.id()).orElseThrow(RecordNotFoundException::new);
		ClosedCaseGuard.requireOpen(locked);
		CaseNote note = new CaseNote(UUID.randomUUID(), locked.id(), author, clock.instant(), body);
		jdbc.sql("insert into cases.note (id, case_id, author, written_at, body) values (?, ?, ?, ?, ?)")
			.params(note.id(), note.caseId(), author, Timestamp.from(note.writtenAt()),
					seal.seal(locked, SEALED, note.id(), body))
			.update();
		audit.record(AuditEvent.success("case.note.add", "case", locked.id()).withDetail("note=" + note.id()));
		return note;
	}

}
