package org.kinlink.cases.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.referrals.NotificationReferrals;
import org.kinlink.retention.DisclosureRecords;
import org.kinlink.retention.RetentionCategory;
import org.kinlink.retention.RetentionSubject;
import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of closed cases (S7), counted from the closure: shredding destroys the case's data key, under which
 * every RESTRICTED field of the case and of its departure, notes, services, follow-ups and consent details was
 * sealed, and empties the sealed columns of the case row, which stays as a tombstone (reference, team, state,
 * dates). The departure notifications sent to authorities are listed for follow-up before the key goes.
 */
@Component
class ClosedCaseRetention implements RetentionSubject, DisclosureRecords {

	private static final String EXPIRED = """
			select id from cases.case_file
			where state = 'CLOSED' and shredded_at is null and closed_at < :cutoff %s
			order by closed_at limit :limit
			""";

	private final JdbcClient jdbc;

	private final Vault vault;

	private final AuditTrail audit;

	private final NotificationReferrals referrals;

	ClosedCaseRetention(JdbcClient jdbc, Vault vault, AuditTrail audit, NotificationReferrals referrals) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.audit = audit;
		this.referrals = referrals;
	}

	@Override
	public RetentionCategory category() {
		return RetentionCategory.CLOSED_CASES;
	}

	@Override
	public List<UUID> expired(Instant cutoff, int limit) {
		return jdbc.sql(EXPIRED.replace("%s", "")).param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
			.query(UUID.class)
			.list();
	}

	@Override
	public boolean shred(UUID recordId, Instant cutoff, Instant at) {
		UUID keyId = jdbc.sql("select key_id from cases.case_file where id = ? and shredded_at is null for update")
			.param(recordId)
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (keyId == null || jdbc.sql(EXPIRED.replace("%s", "and id = :id")).param("cutoff", Timestamp.from(cutoff))
			.param("limit", 1)
			.param("id", recordId)
			.query(UUID.class)
			.list()
			.isEmpty()) {
			return false;
		}
		vault.shred(keyId);
		jdbc.sql("""
				update cases.case_file set safety_plan = null, needs = null, whereabouts = null, contact = null,
				       health = null, closure_note = null, shredded_at = ?, version = version + 1
				where id = ?
				""").params(Timestamp.from(at), recordId).update();
		audit.recordAs("retention-job", AuditEvent.success("case.shred", "case", recordId).withDetail(category().name()));
		return true;
	}

	@Override
	public List<Disclosure> disclosedAbout(RetentionCategory category, UUID recordId) {
		if (category != RetentionCategory.CLOSED_CASES) {
			return List.of();
		}
		Map<UUID, String> names = referrals.activeAuthorities().stream()
			.collect(Collectors.toMap(NotificationReferrals.AuthorityContact::id, NotificationReferrals.AuthorityContact::name,
					(a, b) -> a));
		return jdbc.sql("""
				select authority_id, authority_kind, dispatched_at from cases.notification
				where case_id = ? and dispatched_at is not null order by dispatched_at
				""")
			.param(recordId)
			.query((rs, n) -> new Disclosure(names.getOrDefault(rs.getObject("authority_id", UUID.class),
					rs.getString("authority_kind")), null, rs.getTimestamp("dispatched_at").toInstant()))
			.list();
	}

}
