package org.kinlink.translation.machine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the engine's answers of a task's last request, each sealed under the task's own machine key (the
 * answers are as CONFIDENTIAL as the letter), with the figures of that request (no text).
 */
@Component
class SuggestionStore {

	private final JdbcClient jdbc;

	private final Vault vault;

	SuggestionStore(JdbcClient jdbc, Vault vault) {
		this.jdbc = jdbc;
		this.vault = vault;
	}

	/** The last request of a task: engine name, when, figures, and the answers by segment number (from 1). */
	record Run(String engine, Instant askedAt, int sent, int answered, int withheld, Map<Integer, String> answers) {
	}

	/** Replaces the task's suggestions by the answers of a new request (by segment number, from 1). */
	@Transactional
	void replace(UUID taskId, String engine, Instant at, int sent, int withheld, Map<Integer, String> answers) {
		UUID keyId = jdbc.sql("select key_id from translation.machine_run where task_id = ? for update").param(taskId)
			.query(UUID.class).optional().orElse(null);
		if (keyId == null) {
			keyId = vault.newKey();
			jdbc.sql("""
					insert into translation.machine_run (task_id, key_id, engine, asked_at, sent, answered, withheld)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(taskId, keyId, engine, Timestamp.from(at), sent, answers.size(), withheld)
				.update();
		}
		else {
			jdbc.sql("update translation.machine_run set engine = ?, asked_at = ?, sent = ?, answered = ?, withheld = ? where task_id = ?")
				.params(engine, Timestamp.from(at), sent, answers.size(), withheld, taskId)
				.update();
			jdbc.sql("delete from translation.machine_suggestion where task_id = ?").param(taskId).update();
		}
		for (Map.Entry<Integer, String> answer : answers.entrySet()) {
			int position = answer.getKey() - 1;
			jdbc.sql("insert into translation.machine_suggestion (task_id, position, text) values (?, ?, ?)")
				.params(taskId, position, vault.sealText(keyId, answer.getValue(), context(taskId, position)))
				.update();
		}
	}

	Optional<Run> load(UUID taskId) {
		return jdbc.sql("select key_id, engine, asked_at, sent, answered, withheld from translation.machine_run where task_id = ?")
			.param(taskId)
			.query((rs, n) -> {
				UUID keyId = rs.getObject("key_id", UUID.class);
				return new Run(rs.getString("engine"), rs.getTimestamp("asked_at").toInstant(), rs.getInt("sent"),
						rs.getInt("answered"), rs.getInt("withheld"), answers(taskId, keyId));
			})
			.optional();
	}

	private Map<Integer, String> answers(UUID taskId, UUID keyId) {
		Map<Integer, String> answers = new LinkedHashMap<>();
		jdbc.sql("select position, text from translation.machine_suggestion where task_id = ? order by position")
			.param(taskId)
			.query((rs, n) -> answers.put(rs.getInt("position") + 1,
					vault.openText(keyId, rs.getBytes("text"), context(taskId, rs.getInt("position")))))
			.list();
		return answers;
	}

	private static String context(UUID taskId, int position) {
		return "translation.machine.suggestion:" + taskId + ":" + position;
	}

}
