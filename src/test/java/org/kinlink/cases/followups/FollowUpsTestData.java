package org.kinlink.cases.followups;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseSeal;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Follow-ups written straight into the table, for dates the form refuses (in the past). */
final class FollowUpsTestData {

	private FollowUpsTestData() {
	}

	/** A follow-up due on {@code dueOn}, done at {@code doneAt} (null: open), sealed as the application seals it. */
	static UUID insert(JdbcClient jdbc, CaseSeal seal, CaseFile file, LocalDate dueOn, Instant doneAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cases.follow_up (id, case_id, due_on, purpose, created_by, created_at, done_at, done_by)
				values (?, ?, ?, ?, 'test', now(), ?, ?)
				""")
			.params(id, file.id(), Date.valueOf(dueOn), seal.seal(file, "followup.purpose", id, "Written in the past"), doneAt == null ? null : Timestamp.from(doneAt),
					doneAt == null ? null : "test")
			.update();
		return id;
	}

}
