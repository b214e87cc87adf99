package org.kinlink.retention.rules;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.retention.RetentionCategory;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up list: authorities that received data of records retention has shredded, so the association can
 * ask them to delete their copy; and the count of shredded records per category. No personal data.
 */
@Service("retentionFollowUps")
public class FollowUps {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	FollowUps(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** One authority to ask about one shredded record. */
	public record FollowUp(UUID id, RetentionCategory category, UUID recordId, String authority, String reference,
			Instant sentAt, Instant shreddedAt, Instant askedAt, String askedBy) {
	}

	@Transactional(readOnly = true)
	public List<FollowUp> all() {
		return jdbc.sql("select * from retention.follow_up order by asked_at nulls first, shredded_at desc, authority limit 1000")
			.query((rs, n) -> new FollowUp(rs.getObject("id", UUID.class), RetentionCategory.valueOf(rs.getString("category")),
					rs.getObject("record_id", UUID.class), rs.getString("authority"), rs.getString("reference"),
					instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("shredded_at")),
					instant(rs.getTimestamp("asked_at")), rs.getString("asked_by")))
			.list();
	}

	/** Marks that the authority was asked to delete its copy; idempotent. */
	@Transactional
	public void asked(UUID id, String by) {
		int found = jdbc.sql("select count(*) from retention.follow_up where id = ?").param(id).query(Integer.class).single();
		if (found == 0) {
			throw new RecordNotFoundException();
		}
		int changed = jdbc.sql("update retention.follow_up set asked_at = ?, asked_by = ? where id = ? and asked_at is null")
			.params(Timestamp.from(clock.instant()), by, id)
			.update();
		if (changed > 0) {
			audit.record(AuditEvent.success("retention.follow-up.asked", "retention-follow-up", id));
		}
	}

	@Transactional(readOnly = true)
	public Map<RetentionCategory, Integer> shreddedCounts() {
		Map<RetentionCategory, Integer> counts = new java.util.EnumMap<>(RetentionCategory.class);
		for (RetentionCategory c : RetentionCategory.values()) {
			counts.put(c, 0);
		}
		jdbc.sql("select category, count(*) as n from retention.shredding group by category")
			.query(rs -> {
				counts.put(RetentionCategory.valueOf(rs.getString("category")), rs.getInt("n"));
			});
		return counts;
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
