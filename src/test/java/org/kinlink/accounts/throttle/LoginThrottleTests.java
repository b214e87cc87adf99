package org.kinlink.accounts.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.MovableClock;

/** S11 as rules on a clock: five failures a minute lock for fifteen minutes, per account name and per client. */
class LoginThrottleTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(1), Duration.ofMinutes(15));

	@Test
	void locksAnAccountAfterFiveFailuresWithinAMinute() {
		for (int i = 0; i < 4; i++) {
			throttle.recordFailure("maryam", "10.0.0." + i);
			assertThat(throttle.isLocked("maryam", "10.0.1.1")).isFalse();
		}
		throttle.recordFailure("maryam", "10.0.0.9");
		assertThat(throttle.isLocked("maryam", "10.0.1.1")).isTrue();
		assertThat(throttle.isLocked("MARYAM ", "10.0.1.1")).as("the name is compared as typed, case-blind").isTrue();
		assertThat(throttle.isLocked("arben", "10.0.1.1")).isFalse();
	}

	@Test
	void unlocksByItselfWhenTheLockoutIsOver() {
		failTimes("arta", 5);
		clock.advance(Duration.ofMinutes(14).plusSeconds(59));
		assertThat(throttle.isLocked("arta", "10.9.9.9")).isTrue();
		clock.advance(Duration.ofSeconds(1));
		assertThat(throttle.isLocked("arta", "10.9.9.9")).isFalse();
	}

	@Test
	void failuresSpreadOverMoreThanTheWindowDoNotLock() {
		for (int i = 0; i < 10; i++) {
			throttle.recordFailure("slow", "10.1.0." + i);
			clock.advance(Duration.ofSeconds(15));
		}
		assertThat(throttle.isLocked("slow", "10.1.1.1")).isFalse();
	}

	@Test
	void locksAClientThatTriesManyAccountNames() {
		for (int i = 0; i < 5; i++) {
			throttle.recordFailure("guess" + i, "203.0.113.7");
		}
		assertThat(throttle.isLocked("someone-else", "203.0.113.7")).isTrue();
		assertThat(throttle.isLocked("someone-else", "203.0.113.8")).isFalse();
	}

	@Test
	void successClearsTheAccountButNotTheClient() {
		for (int i = 0; i < 4; i++) {
			throttle.recordFailure("dritan", "198.51.100.1");
		}
		throttle.recordSuccess("dritan");
		throttle.recordFailure("dritan", "198.51.100.2");
		assertThat(throttle.isLocked("dritan", "198.51.100.3")).isFalse();
		throttle.recordFailure("other", "198.51.100.1");
		assertThat(throttle.isLocked("anyone", "198.51.100.1")).as("client had its fifth failure").isTrue();
	}

	@Test
	void attemptsDuringTheLockDoNotExtendIt() {
		failTimes("persistent", 5);
		clock.advance(Duration.ofMinutes(10));
		failTimes("persistent", 5);
		clock.advance(Duration.ofMinutes(5));
		assertThat(throttle.isLocked("persistent", "10.2.2.2")).isFalse();
	}

	private void failTimes(String account, int times) {
		for (int i = 0; i < times; i++) {
			throttle.recordFailure(account, "10.3." + account.length() + "." + i);
		}
	}

}
