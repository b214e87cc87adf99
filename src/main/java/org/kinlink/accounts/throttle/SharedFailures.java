package org.kinlink.accounts.throttle;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failures per account name (and per the other account-bound keys the callers use, such as "factor:" and
 * "activate:" names), counted in {@code accounts.login_throttle} so that every node sees one count and one
 * lock. Rows are keyed by {@link NameKey#hash}; the name itself is never stored.
 * <p>
 * A failure is one atomic upsert (insert ... on conflict do update ... returning): PostgreSQL locks the row,
 * drops the failures that left the window, adds this one and sets the lock when the maximum is reached, so
 * concurrent failures on any number of nodes are neither lost nor counted twice. A row under a lock is not
 * updated at all, so attempts during a lock do not extend it. Writes run in a transaction of their own: a
 * caller's rollback cannot take a failure back. Times come from the callers' clock, never from the database.
 * If the database cannot be reached these calls fail, and so does the sign-in: there is no weaker fallback.
 */
@Component
class SharedFailures {

	/** What one failure did. */
	enum Outcome {
		/** Counted; no lock yet. */
		COUNTED,
		/** This failure reached the maximum and started the lock. */
		LOCKED_NOW,
		/** A lock was already running; the failure changed nothing. */
		ALREADY_LOCKED
	}

	private final JdbcClient jdbc;

	private final NameKey names;

	private final TransactionTemplate ownTransaction;

	SharedFailures(JdbcClient jdbc, NameKey names, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.names = names;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	byte[] key(String name) {
		return names.hash(name);
	}

	boolean locked(byte[] key, Instant now) {
		return jdbc.sql("select exists (select 1 from accounts.login_throttle where key = ? and locked_until > ?)")
			.params(key, time(now))
			.query(Boolean.class)
			.single();
	}

	Outcome fail(byte[] key, Instant now, int maxFailures, Duration window, Duration lockout) {
		OffsetDateTime at = time(now);
		OffsetDateTime since = time(now.minus(window));
		OffsetDateTime until = time(now.plus(lockout));
		return ownTransaction.execute(status -> jdbc.sql("""
				insert into accounts.login_throttle as t (key, failures, last_failure, locked_until)
				values (:key, case when :max <= 1 then '{}' else array[cast(:now as timestamptz)] end, :now,
					case when :max <= 1 then cast(:until as timestamptz) end)
				on conflict (key) do update set
					failures = case
						when (select count(*) from unnest(t.failures) f where f > :since) + 1 >= :max then '{}'
						else array(select f from unnest(t.failures) f where f > :since) || cast(:now as timestamptz)
					end,
					locked_until = case
						when (select count(*) from unnest(t.failures) f where f > :since) + 1 >= :max
							then cast(:until as timestamptz)
					end,
					last_failure = :now
				where t.locked_until is null or t.locked_until <= :now
				returning locked_until is not null
				""")
			.param("key", key)
			.param("max", maxFailures)
			.param("now", at)
			.param("since", since)
			.param("until", until)
			.query(Boolean.class)
			.optional()
			.map(lockedNow -> lockedNow ? Outcome.LOCKED_NOW : Outcome.COUNTED)
			.orElse(Outcome.ALREADY_LOCKED));
	}

	void clear(byte[] key) {
		ownTransaction.executeWithoutResult(
				status -> jdbc.sql("delete from accounts.login_throttle where key = ?").param(key).update());
	}

	/** Deletes the rows that mean nothing any more: no failure within the window and no lock running. */
	int prune(Instant now, Duration window) {
		return jdbc.sql("""
				delete from accounts.login_throttle
				where last_failure <= ? and (locked_until is null or locked_until <= ?)
				""").params(time(now.minus(window)), time(now)).update();
	}

	/** timestamptz keeps microseconds: every time is cut to them here, so Java and the database compare alike. */
	private static OffsetDateTime time(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

}
