package org.kinlink.accounts.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.MovableClock;
import org.kinlink.storage.Vault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * S11 as rules on a clock: five failures a minute lock for fifteen minutes, per account name (counted in the
 * shared database) and per client (in memory on the node).
 */
@AccountsWebTest
class LoginThrottleTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Vault vault;

	@Autowired
	PlatformTransactionManager transactions;

	private final MovableClock clock = ThrottleNodes.clock();

	private LoginThrottle throttle;

	private final String maryam = ThrottleNodes.unique("maryam");

	private final String arben = ThrottleNodes.unique("arben");

	private final String arta = ThrottleNodes.unique("arta");

	private final String slow = ThrottleNodes.unique("slow");

	private final String someoneElse = ThrottleNodes.unique("someone-else");

	private final String dritan = ThrottleNodes.unique("dritan");

	private final String other = ThrottleNodes.unique("other");

	private final String anyone = ThrottleNodes.unique("anyone");

	private final String persistent = ThrottleNodes.unique("persistent");

	@BeforeEach
	void startNode() {
		throttle = new ThrottleNodes(jdbc, vault, transactions).node(clock, 5);
	}

	@Test
	void locksAnAccountAfterFiveFailuresWithinAMinute() {
		for (int i = 0; i < 4; i++) {
			throttle.recordFailure(maryam, "10.0.0." + i);
			assertThat(throttle.isLocked(maryam, "10.0.1.1")).isFalse();
		}
		throttle.recordFailure(maryam, "10.0.0.9");
		assertThat(throttle.isLocked(maryam, "10.0.1.1")).isTrue();
		assertThat(throttle.isLocked(maryam.toUpperCase(Locale.ROOT) + " ", "10.0.1.1")).as("the name is compared as typed, case-blind").isTrue();
		assertThat(throttle.isLocked(arben, "10.0.1.1")).isFalse();
	}

	@Test
	void unlocksByItselfWhenTheLockoutIsOver() {
		failTimes(arta, 5);
		clock.advance(Duration.ofMinutes(14).plusSeconds(59));
		assertThat(throttle.isLocked(arta, "10.9.9.9")).isTrue();
		clock.advance(Duration.ofSeconds(1));
		assertThat(throttle.isLocked(arta, "10.9.9.9")).isFalse();
	}

	@Test
	void failuresSpreadOverMoreThanTheWindowDoNotLock() {
		for (int i = 0; i < 10; i++) {
			throttle.recordFailure(slow, "10.1.0." + i);
			clock.advance(Duration.ofSeconds(15));
		}
		assertThat(throttle.isLocked(slow, "10.1.1.1")).isFalse();
	}

	@Test
	void locksAClientThatTriesManyAccountNames() {
		for (int i = 0; i < 5; i++) {
			throttle.recordFailure(ThrottleNodes.unique("guess" + i), "203.0.113.7");
		}
		assertThat(throttle.isLocked(someoneElse, "203.0.113.7")).isTrue();
		assertThat(throttle.isLocked(someoneElse, "203.0.113.8")).isFalse();
	}

	@Test
	void successClearsTheAccountButNotTheClient() {
		for (int i = 0; i < 4; i++) {
			throttle.recordFailure(dritan, "198.51.100.1");
		}
		throttle.recordSuccess(dritan);
		throttle.recordFailure(dritan, "198.51.100.2");
		assertThat(throttle.isLocked(dritan, "198.51.100.3")).isFalse();
		throttle.recordFailure(other, "198.51.100.1");
		assertThat(throttle.isLocked(anyone, "198.51.100.1")).as("client had its fifth failure").isTrue();
	}

	@Test
	void attemptsDuringTheLockDoNotExtendIt() {
		failTimes(persistent, 5);
		clock.advance(Duration.ofMinutes(10));
		failTimes(persistent, 5);
		clock.advance(Duration.ofMinutes(5));
		assertThat(throttle.isLocked(persistent, "10.2.2.2")).isFalse();
	}

	private void failTimes(String account, int times) {
		for (int i = 0; i < times; i++) {
			throttle.recordFailure(account, "10.3." + account.length() + "." + i);
		}
	}

}
