package org.kinlink.retention.rules;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.retention.DerivedData;
import org.kinlink.retention.DisclosureRecords;
import org.kinlink.retention.Retention;
import org.kinlink.retention.RetentionSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enforces the rules by crypto-shredding. Each record is shredded in its own transaction that first takes a
 * PostgreSQL transaction-level advisory lock: when another node holds it, this node stops its pass (the other
 * one is doing the work), so several nodes never shred side by side. A record already shredded is skipped by its
 * owner, so a pass can run any number of times. What other modules derived from the record (files, translation
 * tasks) is shredded in the same transaction. Before shredding, the authorities that received the record are
 * copied to the follow-up list (names and references only).
 */
@Service
class RetentionJob implements Retention {

	static final String ACTOR = "retention-job";

	private static final long LOCK = 0x4b4c5245544e4e4cL;

	private static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final RetentionRules rules;

	private final List<RetentionSubject> subjects;

	private final List<DisclosureRecords> disclosures;

	private final List<DerivedData> derived;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	RetentionJob(RetentionRules rules, List<RetentionSubject> subjects, List<DisclosureRecords> disclosures,
			List<DerivedData> derived, JdbcClient jdbc, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
		this.rules = rules;
		this.subjects = subjects;
		this.disclosures = disclosures;
		this.derived = derived;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	@Override
	public int enforceNow() {
		int shredded = 0;
		for (RetentionSubject subject : subjects) {
			RetentionRule rule = rules.of(subject.category());
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			Instant cutoff = rule.cutoff(now);
			if (cutoff == null) {
				continue;
			}
			List<UUID> batch;
			do {
				batch = subject.expired(cutoff, BATCH);
				int done = 0;
				for (UUID id : batch) {
					Outcome result = tx.execute(status -> shredOne(subject, id, cutoff, now));
					if (result == Outcome.LOCKED_ELSEWHERE) {
						log.info("retention: another node holds the retention lock; this pass stops");
						return shredded + done;
					}
					if (result == Outcome.SHREDDED) {
						done++;
					}
				}
				shredded += done;
				if (done == 0) {
					break;
				}
			}
			while (batch.size() == BATCH);
		}
		if (shredded > 0) {
			log.info("retention: {} records shredded", shredded);
		}
		return shredded;
	}

	/** What one record's transaction did. */
	private enum Outcome {
		SHREDDED, UNCHANGED, LOCKED_ELSEWHERE
	}

	private Outcome shredOne(RetentionSubject subject, UUID id, Instant cutoff, Instant now) {
		Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
		if (!Boolean.TRUE.equals(locked)) {
			return Outcome.LOCKED_ELSEWHERE;
		}
		List<DisclosureRecords.Disclosure> sent = disclosures.stream()
			.flatMap(d -> d.disclosedAbout(subject.category(), id).stream())
			.toList();
		if (!subject.shred(id, cutoff, now)) {
			return Outcome.UNCHANGED;
		}
		derived.forEach(d -> d.shredDerived(subject.category(), id));
		jdbc.sql("insert into retention.shredding (category, record_id, shredded_at) values (?, ?, ?) on conflict do nothing")
			.params(subject.category().name(), id, Timestamp.from(now))
			.update();
		for (DisclosureRecords.Disclosure d : sent) {
			jdbc.sql("""
					insert into retention.follow_up (id, category, record_id, authority, reference, sent_at, shredded_at)
					values (?, ?, ?, ?, ?, ?, ?)
					""")
				.params(UUID.randomUUID(), subject.category().name(), id, d.authority(), d.reference(),
						d.sentAt() == null ? null : Timestamp.from(d.sentAt()), Timestamp.from(now))
				.update();
		}
		audit.recordAs(ACTOR, AuditEvent.success("retention.shred", subject.category().name(), id)
			.withDetail(sent.isEmpty() ? null : "follow-up " + sent.size()));
		return Outcome.SHREDDED;
	}

}
