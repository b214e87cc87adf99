package org.kinlink.accounts.throttle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing (S11): per account name and per client, a few failures within a window lock
 * that account name or client for a while; the lock ends by itself. Account names are counted whether or not
 * the account exists, so the answer does not tell. Clients are kept in memory only, as a keyed hash of their
 * address that changes with every start; nothing here is stored or logged.
 */
@Component
public class LoginThrottle {

	private static final int PRUNE_ABOVE = 20_000;

	private final Clock clock;

	private final int maxFailures;

	private final Duration window;

	private final Duration lockout;

	private final Mac clientKey;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	LoginThrottle(Clock clock, @Value("${kinlink.accounts.login.max-failures:5}") int maxFailures,
			@Value("${kinlink.accounts.login.failure-window:1m}") Duration window,
			@Value("${kinlink.accounts.login.lockout:15m}") Duration lockout) {
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.window = window;
		this.lockout = lockout;
		this.clientKey = newClientKey();
	}

	/** Whether this attempt must be refused without even looking at the password. */
	public boolean isLocked(String account, String clientAddress) {
		Instant now = clock.instant();
		return locked(accountKey(account), now) || locked(clientKey(clientAddress), now);
	}

	public void recordFailure(String account, String clientAddress) {
		Instant now = clock.instant();
		counter(accountKey(account)).fail(now, maxFailures, window, lockout);
		counter(clientKey(clientAddress)).fail(now, maxFailures, window, lockout);
		if (counters.size() > PRUNE_ABOVE) {
			counters.values().removeIf(c -> c.idle(now, window));
		}
	}

	/** A right password clears the account's failures; the client's count stays, so one good account cannot reset it. */
	public void recordSuccess(String account) {
		counters.remove(accountKey(account));
	}

	private boolean locked(String key, Instant now) {
		Counter counter = counters.get(key);
		return counter != null && counter.locked(now);
	}

	private Counter counter(String key) {
		return counters.computeIfAbsent(key, k -> new Counter());
	}

	private static String accountKey(String account) {
		return "a:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
	}

	private String clientKey(String address) {
		byte[] digest;
		synchronized (clientKey) {
			digest = clientKey.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
		}
		return "c:" + HexFormat.of().formatHex(digest, 0, 16);
	}

	private static Mac newClientKey() {
		try {
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Failures of one account name or client within the window, and the lock they caused. */
	private static final class Counter {

		private final Deque<Instant> failures = new ArrayDeque<>();

		private Instant lockedUntil;

		synchronized boolean locked(Instant now) {
			return lockedUntil != null && now.isBefore(lockedUntil);
		}

		synchronized void fail(Instant now, int max, Duration window, Duration lockout) {
			if (locked(now)) {
				return; // attempts during a lock do not extend it: the lock always ends on time
			}
			while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(window))) {
				failures.removeFirst();
			}
			failures.addLast(now);
			if (failures.size() >= max) {
				lockedUntil = now.plus(lockout);
				failures.clear();
			}
		}

		synchronized boolean idle(Instant now, Duration window) {
			return !locked(now) && (failures.isEmpty() || !failures.peekLast().isAfter(now.minus(window)));
		}

	}

}
