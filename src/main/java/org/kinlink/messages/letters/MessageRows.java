package org.kinlink.messages.letters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.messages.MessageStatus;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads and saves {@link FamilyMessage}s; a save with a stale version fails instead of losing an update. */
@Repository
class MessageRows {

	private static final Map<MessageStatus, String> DATE_COLUMNS = Map.of(MessageStatus.ACCEPTED, "accepted_at",
			MessageStatus.REJECTED, "rejected_at", MessageStatus.IN_TRANSLATION, "translation_started_at",
			MessageStatus.TRANSLATED, "translated_at", MessageStatus.APPROVED, "approved_at", MessageStatus.REFERRED,
			"referred_at", MessageStatus.ACKNOWLEDGED, "acknowledged_at", MessageStatus.DELIVERED, "delivered_at");

	private final JdbcClient jdbc;

	MessageRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextReferenceNumber() {
		return jdbc.sql("select nextval('messages.reference_seq')").query(Long.class).single();
	}

	/** The messages linked to a person, newest first. */
	java.util.List<FamilyMessage> forPerson(UUID personId) {
		return jdbc.sql("select * from messages.message where person_id = ? order by received_at desc")
			.param(personId)
			.query(MessageRows::row)
			.list();
	}

	/** When retention shredded the message, or empty while it is intact (or unknown). */
	Optional<java.time.Instant> shreddedAt(UUID id) {
		return jdbc.sql("select shredded_at from messages.message where id = ? and shredded_at is not null")
			.param(id)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	Optional<FamilyMessage> find(UUID id) {
		return jdbc.sql("select * from messages.message where id = ?").param(id).query(MessageRows::row).optional();
	}

	void insert(FamilyMessage message) {
		jdbc.sql("""
				insert into messages.message (id, reference, status, language, key_id, letter, received_at, version)
				values (?, ?, ?, ?, ?, ?, ?, 0)
				""")
			.params(message.id(), message.reference(), message.status().name(), message.language(), message.keyId(),
					message.letter(), Timestamp.from(message.receivedAt()))
			.update();
	}

	void update(FamilyMessage message) {
		int rows = jdbc.sql("""
				update messages.message set status = :status, person_id = :person, rejection_reason = :reason,
				  accepted_at = :accepted_at, rejected_at = :rejected_at, translation_started_at = :translation_started_at,
				  translated_at = :translated_at, approved_at = :approved_at, referred_at = :referred_at,
				  acknowledged_at = :acknowledged_at, delivered_at = :delivered_at, version = version + 1
				where id = :id and version = :version
				""")
			.param("status", message.status().name())
			.param("person", message.personId())
			.param("reason", message.rejectionReason())
			.params(dates(message))
			.param("id", message.id())
			.param("version", message.version())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("message changed concurrently");
		}
		message.versionSaved();
	}

	private static Map<String, Object> dates(FamilyMessage message) {
		Map<String, Object> params = new java.util.HashMap<>();
		DATE_COLUMNS.forEach((state, column) -> params.put(column, timestamp(message.reachedAt(state))));
		return params;
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static FamilyMessage row(ResultSet rs, int rowNum) throws SQLException {
		Map<MessageStatus, Instant> reached = new EnumMap<>(MessageStatus.class);
		for (Map.Entry<MessageStatus, String> column : DATE_COLUMNS.entrySet()) {
			Timestamp at = rs.getTimestamp(column.getValue());
			if (at != null) {
				reached.put(column.getKey(), at.toInstant());
			}
		}
		return new FamilyMessage(rs.getObject("id", UUID.class), rs.getString("reference"),
				MessageStatus.valueOf(rs.getString("status")), rs.getString("language"),
				rs.getObject("person_id", UUID.class), rs.getObject("key_id", UUID.class), rs.getBytes("letter"),
				rs.getBytes("rejection_reason"), rs.getTimestamp("received_at").toInstant(), reached, rs.getInt("version"));
	}

}
