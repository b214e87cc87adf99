package org.kinlink.accounts.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.kinlink.accounts.MovableClock;
import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds Kinlink "nodes" as far as the throttle goes: each its own LoginThrottle with its own client key and
 * its own NameKey (which reads the shared key like a freshly started node), all on the test context's
 * database. Their clock starts years after the context's clock, so the context's own prune job never sees
 * these rows as idle, and every name is made unique, so the test methods sharing the database stay apart.
 */
record ThrottleNodes(JdbcClient jdbc, Vault vault, PlatformTransactionManager transactions) {

	static MovableClock clock() {
		return new MovableClock(Instant.now().plus(Duration.ofDays(3650)));
	}

	static String unique(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	LoginThrottle node(Clock clock, int maxFailures) {
		return new LoginThrottle(clock, maxFailures, Duration.ofMinutes(1), Duration.ofMinutes(15), shared(clock));
	}

	SharedFailures shared(Clock clock) {
		return new SharedFailures(jdbc, new NameKey(jdbc, vault, clock, transactions), transactions);
	}

}
