package org.kinlink.accounts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

/** S8: Argon2id with the OWASP parameters, and never more hashes at once than allowed. */
class BoundedPasswordEncoderTests {

	@Test
	void hashesWithArgon2idAndTheOwaspParameters() {
		PasswordEncoder encoder = new PasswordConfiguration().passwordEncoder(2, Duration.ofSeconds(30));
		String hash = encoder.encode("correct horse battery staple");
		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(encoder.matches("correct horse battery staple", hash)).isTrue();
		assertThat(encoder.matches("correct horse battery stapler", hash)).isFalse();
	}

	@Test
	void aThirdHashWaitsWhileTwoRunAndGivesUpWhenNoSlotFrees() throws Exception {
		CountDownLatch inside = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		PasswordEncoder blocking = new BlockingEncoder(inside, release);
		BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(blocking, 2, Duration.ofMillis(200));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Boolean> first = pool.submit(() -> bounded.matches("a", "x"));
			Future<Boolean> second = pool.submit(() -> bounded.matches("b", "x"));
			assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
			assertThatThrownBy(() -> bounded.matches("c", "x")).isInstanceOf(BoundedPasswordEncoder.Busy.class);
			release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
			assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
			assertThat(bounded.matches("d", "x")).as("slots are free again").isTrue();
			assertThat(bounded.peakConcurrency()).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void manyParallelRealHashesNeverExceedTheBound() throws Exception {
		BoundedPasswordEncoder encoder = (BoundedPasswordEncoder) new PasswordConfiguration().passwordEncoder(2,
				Duration.ofSeconds(60));
		String hash = encoder.encode("the right one");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String guess = "wrong guess " + i;
				results.add(pool.submit(() -> encoder.matches(guess, hash)));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isFalse();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(encoder.peakConcurrency()).isBetween(1, 2);
	}

	/** Holds every caller inside until released, so concurrency can be observed without timing. */
	private record BlockingEncoder(CountDownLatch inside, CountDownLatch release) implements PasswordEncoder {

		@Override
		public String encode(CharSequence raw) {
			return "x";
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			inside.countDown();
			try {
				return release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

}
