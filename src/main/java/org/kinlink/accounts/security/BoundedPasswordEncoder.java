package org.kinlink.accounts.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most N password hashes run at once (S8): Argon2id takes memory by design, so a storm of sign-in
 * attempts must queue instead of exhausting the heap. A caller that waits too long gets {@link Busy}.
 */
class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore permits;

	private final Duration maxWait;

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final AtomicLong completed = new AtomicLong();

	BoundedPasswordEncoder(PasswordEncoder delegate, int maxConcurrent, Duration maxWait) {
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("max-concurrent-hashes must be at least 1");
		}
		this.delegate = delegate;
		this.permits = new Semaphore(maxConcurrent, true);
		this.maxWait = maxWait;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return bounded(() -> delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return bounded(() -> delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	/** The most hashes that ran at the same moment since start (for tests and diagnostics). */
	int peakConcurrency() {
		return peak.get();
	}

	/** How many hashes ran to the end since start (for tests: an unknown user must cost one, like a known one). */
	long completed() {
		return completed.get();
	}

	private <T> T bounded(Supplier<T> work) {
		try {
			if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new Busy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Busy();
		}
		try {
			peak.accumulateAndGet(running.incrementAndGet(), Math::max);
			T result = work.get();
			completed.incrementAndGet();
			return result;
		}
		finally {
			running.decrementAndGet();
			permits.release();
		}
	}

	/** No hashing slot became free in time; the caller should answer "try again later". */
	static final class Busy extends RuntimeException {

		Busy() {
			super(null, null, false, false);
		}

	}

}
