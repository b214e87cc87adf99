package org.kinlink.portal.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.kinlink.portal.web.PortalThrottle.Bucket;

import org.springframework.mock.web.MockHttpServletRequest;

/** Per-client and global limits, and windows that reopen, with a clock the test moves. */
class PortalThrottleTests {

	/** A clock that moves only when told. */
	static final class MovableClock extends Clock {

		Instant now = Instant.parse("2026-01-01T00:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	final MovableClock clock = new MovableClock();

	final PortalThrottle throttle = new PortalThrottle(clock, Duration.ofMinutes(1), 3, 5, 2, 4);

	static MockHttpServletRequest from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		return request;
	}

	@Test
	void refusesAClientOverItsLimitButNotOthers() {
		for (int i = 0; i < 3; i++) {
			throttle.check(Bucket.RECEIPT, from("192.0.2.1"));
		}
		assertThatThrownBy(() -> throttle.check(Bucket.RECEIPT, from("192.0.2.1"))).isInstanceOf(TooManyRequestsException.class);
		assertThatCode(() -> throttle.check(Bucket.RECEIPT, from("192.0.2.2"))).doesNotThrowAnyException();
		assertThatCode(() -> throttle.check(Bucket.LETTER, from("192.0.2.1"))).doesNotThrowAnyException();
	}

	@Test
	void refusesEveryoneOverTheGlobalLimit() {
		for (int i = 0; i < 5; i++) {
			throttle.check(Bucket.RECEIPT, from("198.51.100." + i));
		}
		assertThatThrownBy(() -> throttle.check(Bucket.RECEIPT, from("198.51.100.77")))
			.isInstanceOf(TooManyRequestsException.class);
	}

	@Test
	void refusedAttemptsOfOneClientDoNotUseUpTheGlobalLimit() {
		for (int i = 0; i < 20; i++) {
			try {
				throttle.check(Bucket.RECEIPT, from("203.0.113.9"));
			}
			catch (TooManyRequestsException expected) {
				// the client is over its own limit; that must not count against everyone
			}
		}
		assertThatCode(() -> throttle.check(Bucket.RECEIPT, from("203.0.113.10"))).doesNotThrowAnyException();
	}

	@Test
	void opensANewWindowWhenTheOldOneCloses() {
		for (int i = 0; i < 3; i++) {
			throttle.check(Bucket.RECEIPT, from("192.0.2.1"));
		}
		clock.now = clock.now.plusSeconds(59);
		assertThatThrownBy(() -> throttle.check(Bucket.RECEIPT, from("192.0.2.1"))).isInstanceOf(TooManyRequestsException.class);
		clock.now = clock.now.plusSeconds(1);
		assertThatCode(() -> throttle.check(Bucket.RECEIPT, from("192.0.2.1"))).doesNotThrowAnyException();
	}

}
