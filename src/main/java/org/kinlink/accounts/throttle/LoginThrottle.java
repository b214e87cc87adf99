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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing (S11): per account name and per client, a few failures within a window lock
 * that account name or client for a while; the lock ends by itself, and attempts during a lock do not extend
 * it. Account names are counted whether or not the account exists, so the answer does not tell.
 * <p>
 * Kinlink runs as several nodes behind a load balancer, so account names (and the other account-bound keys
 * the callers pass, e.g. "factor:" and "activate:" names) are counted in the shared database
 * ({@link SharedFailures}): N nodes do not give an attacker N times the guesses. Only a keyed hash of the name
 * is stored ({@link NameKey} explains where its key comes from), never the name as typed.
 * <p>
 * Clients are counted in memory on each node only, as a keyed hash of their address under a key that changes
 * with every start; an address is never stored or logged (S4). A client spread over N nodes gets up to N times
 * the per-client allowance, but every account it tries is still limited across all nodes.
 */
@Component
public class LoginThrottle {

	private static final int PRUNE_ABOVE = 20_000;

	private final Clock clock;

	private final int maxFailures;

	private final Duration window;

	private final Duration lockout;

	private final SharedFailures accounts;

	private final Mac clientKey;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	LoginThrottle(Clock clock, @Value("${kinlink.accounts.login.max-failures:5}") int maxFailures,
			@Value("${kinlink.accounts.login.failure-window:1m}") Duration window,
			@Value("${kinlink.accounts.login.lockout:15m}") Duration lockout, SharedFailures accounts) {
		if (maxFailures < 1 || window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
			throw new IllegalArgumentException("kinlink.accounts.login: max-failures, failure-window and lockout must be positive");
		}
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.window = window;
		this.lockout = lockout;
		this.accounts = accounts;
		this.clientKey = newClientKey();
	}

	/** Whether this attempt must be refused without even looking at the password. */
	public boolean isLocked(String account, String clientAddress) {
		Instant now = clock.instant();
		return locked(clientKey(clientAddress), now) || accounts.locked(accountKey(account), now);
	}

	public void recordFailure(String account, String clientAddress) {
		failure(account, clientAddress);
	}

	/** As {@link #recordFailure}, telling what the failure did to the account's shared count (for tests). */
	SharedFailures.Outcome failure(String account, String clientAddress) {
		Instant now = clock.instant();
		counter(clientKey(clientAddress)).fail(now, maxFailures, window, lockout);
		if (counters.size() > PRUNE_ABOVE) {
			pruneClients(now);
		}
		return accounts.fail(accountKey(account), now, maxFailures, window, lockout);
	}

	/** A right password clears the account's failures; the client's count stays, so one good account cannot reset it. */
	public void recordSuccess(String account) {
		accounts.clear(accountKey(account));
	}

	/**
	 * Deletes the shared rows that mean nothing any more (idle past the window, no lock) and this node's idle
	 * client counters. Any node may run it at any time; running it on several at once is harmless.
	 */
	@Scheduled(initialDelayString = "${kinlink.accounts.login.prune-interval:PT5M}",
			fixedDelayString = "${kinlink.accounts.login.prune-interval:PT5M}")
	public void prune() {
		Instant now = clock.instant();
		pruneClients(now);
		accounts.prune(now, window);
	}

	private void pruneClients(Instant now) {
		counters.values().removeIf(c -> c.idle(now, window));
	}

	private boolean locked(String key, Instant now) {
		Counter counter = counters.get(key);
		return counter != null && counter.locked(now);
	}

	private Counter counter(String key) {
		return counters.computeIfAbsent(key, k -> new Counter());
	}

	private byte[] accountKey(String account) {
		return accounts.key("a:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT)));
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

	/** Failures of one client within the window, and the lock they caused. */
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
