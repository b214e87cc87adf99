package org.kinlink.messages.letters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.retention.RetentionCategory;
import org.kinlink.retention.RetentionSubject;
import org.kinlink.storage.Vault;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention of family messages (S7): rejected letters, counted from the rejection, and finished exchanges
 * (acknowledged, delivered or rejected) whose last reply to the family stayed unanswered, counted from that
 * reply. Shredding destroys the message's data key (letter, rejection reason and every reply were sealed under
 * it), empties the sealed columns and drops the person link; the row stays as a tombstone with its reference,
 * status and dates. The files of the message are shredded by the media module when retention announces it.
 */
@Configuration(proxyBeanMethods = false)
class LetterRetention {

	static final String REJECTED = """
			select m.id from messages.message m
			where m.status = 'REJECTED' and m.shredded_at is null and m.rejected_at < :cutoff %s
			order by m.rejected_at limit :limit
			""";

	static final String UNANSWERED = """
			select m.id from messages.message m
			join lateral (select r.direction, r.sent_at from messages.reply r where r.message_id = m.id
			              order by r.sent_at desc, r.id desc limit 1) last on true
			where m.shredded_at is null and m.status in ('ACKNOWLEDGED', 'DELIVERED', 'REJECTED')
			  and last.direction <> 'FAMILY' and last.sent_at < :cutoff %s
			order by last.sent_at limit :limit
			""";

	@Bean
	RetentionSubject rejectedLetters(JdbcClient jdbc, Vault vault, AuditTrail audit) {
		return new Subject(RetentionCategory.REJECTED_SUBMISSIONS, REJECTED, jdbc, vault, audit);
	}

	@Bean
	RetentionSubject unansweredReplies(JdbcClient jdbc, Vault vault, AuditTrail audit) {
		return new Subject(RetentionCategory.UNANSWERED_REPLIES, UNANSWERED, jdbc, vault, audit);
	}

	/** One category of messages: the query that finds the expired ones and the shredding they share. */
	record Subject(RetentionCategory category, String query, JdbcClient jdbc, Vault vault, AuditTrail audit)
			implements RetentionSubject {

		@Override
		public List<UUID> expired(Instant cutoff, int limit) {
			return jdbc.sql(query.replace("%s", "")).param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
				.query(UUID.class)
				.list();
		}

		@Override
		public boolean shred(UUID recordId, Instant cutoff, Instant at) {
			UUID keyId = jdbc.sql("select key_id from messages.message where id = ? and shredded_at is null for update")
				.param(recordId)
				.query(UUID.class)
				.optional()
				.orElse(null);
			if (keyId == null) {
				return false;
			}
			boolean stillExpired = !jdbc.sql(query.replace("%s", "and m.id = :id"))
				.param("cutoff", Timestamp.from(cutoff))
				.param("limit", 1)
				.param("id", recordId)
				.query(UUID.class)
				.list()
				.isEmpty();
			if (!stillExpired) {
				return false;
			}
			vault.shred(keyId);
			jdbc.sql("""
					update messages.message set letter = '\\x'::bytea, rejection_reason = null, person_id = null,
					       shredded_at = ?, version = version + 1
					where id = ?
					""").params(Timestamp.from(at), recordId).update();
			jdbc.sql("update messages.reply set body = '\\x'::bytea where message_id = ?").param(recordId).update();
			audit.recordAs("retention-job", AuditEvent.success("message.shred", LetterService.RECORD, recordId)
				.withDetail(category.name()));
			return true;
		}

	}

}
