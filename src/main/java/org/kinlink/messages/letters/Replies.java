package org.kinlink.messages.letters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Replies between staff and the family, each sealed under its message's data key and bound to its own id,
 * so that shredding the message also makes its replies unreadable.
 */
@Repository
class Replies {

	private final JdbcClient jdbc;

	private final Vault vault;

	Replies(JdbcClient jdbc, Vault vault) {
		this.jdbc = jdbc;
		this.vault = vault;
	}

	UUID add(FamilyMessage message, Reply.Direction direction, String author, String text, Instant at) {
		UUID id = UUID.randomUUID();
		byte[] body = vault.sealText(message.keyId(), text, context(id));
		jdbc.sql("insert into messages.reply (id, message_id, direction, author, body, sent_at) values (?, ?, ?, ?, ?, ?)")
			.params(id, message.id(), direction.name(), author, body, Timestamp.from(at))
			.update();
		return id;
	}

	/** Opens the message's replies, oldest first; only those in the given directions. */
	List<Reply> open(FamilyMessage message, Reply.Direction... directions) {
		List<String> wanted = java.util.Arrays.stream(directions).map(Enum::name).toList();
		return jdbc.sql("""
				select id, direction, author, body, sent_at from messages.reply
				where message_id = :message and direction in (:directions) order by sent_at, id
				""")
			.param("message", message.id())
			.param("directions", wanted)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new Reply(id, Reply.Direction.valueOf(rs.getString("direction")), rs.getString("author"),
						vault.openText(message.keyId(), rs.getBytes("body"), context(id)),
						rs.getTimestamp("sent_at").toInstant());
			})
			.list();
	}

	private static String context(UUID replyId) {
		return "messages.reply:" + replyId;
	}

}
