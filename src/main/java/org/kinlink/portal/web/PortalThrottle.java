package org.kinlink.portal.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rate limits for the portal, per client and overall (S2): a window opens with the first attempt and allows
 * a fixed number of attempts until it closes. A client is known only by an
 * HMAC of its address under a key made at boot: the address itself is never kept, stored or logged (S4),
 * and the keys mean nothing after a restart.
 */
@Component
class PortalThrottle {

	/** What is being limited: receipt checks (status, replies) and letter submissions. */
	enum Bucket {
		RECEIPT, LETTER
	}

	private static final int MAX_CLIENTS = 100_000;

	private final Clock clock;

	private final long windowMillis;

	private final byte[] bootKey = new byte[32];

	private final Map<Bucket, Limits> limits = new EnumMap<>(Bucket.class);

	PortalThrottle(Clock clock, @Value("${kinlink.portal.throttle.window:PT1M}") Duration window,
			@Value("${kinlink.portal.throttle.receipt.per-client:10}") int receiptPerClient,
			@Value("${kinlink.portal.throttle.receipt.global:300}") int receiptGlobal,
			@Value("${kinlink.portal.throttle.letter.per-client:10}") int letterPerClient,
			@Value("${kinlink.portal.throttle.letter.global:120}") int letterGlobal) {
		this.clock = clock;
		this.windowMillis = window.toMillis();
		new SecureRandom().nextBytes(bootKey);
		limits.put(Bucket.RECEIPT, new Limits(receiptPerClient, receiptGlobal));
		limits.put(Bucket.LETTER, new Limits(letterPerClient, letterGlobal));
	}

	/** Counts the attempt; throws {@link TooManyRequestsException} when the client or everyone is over the limit. */
	void check(Bucket bucket, HttpServletRequest request) {
		if (!limits.get(bucket).allow(clientKey(request.getRemoteAddr()), clock.millis(), windowMillis)) {
			throw new TooManyRequestsException();
		}
	}

	private String clientKey(String address) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(bootKey, "HmacSHA256"));
			byte[] tag = mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(tag);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** The counters of one bucket. */
	private static final class Limits {

		private final int perClient;

		private final int global;

		private final Map<String, Counter> clients = new ConcurrentHashMap<>();

		private final AtomicReference<Counter> everyone = new AtomicReference<>(new Counter(Long.MIN_VALUE / 2));

		Limits(int perClient, int global) {
			this.perClient = perClient;
			this.global = global;
		}

		boolean allow(String client, long now, long window) {
			if (clients.size() >= MAX_CLIENTS) {
				clients.values().removeIf(counter -> counter.closed(now, window));
				if (clients.size() >= MAX_CLIENTS && !clients.containsKey(client)) {
					return false;
				}
			}
			Counter mine = clients.compute(client, (k, old) -> old == null || old.closed(now, window) ? new Counter(now) : old);
			if (mine.count.incrementAndGet() > perClient) {
				return false;
			}
			Counter all = everyone.updateAndGet(old -> old.closed(now, window) ? new Counter(now) : old);
			return all.count.incrementAndGet() <= global;
		}

	}

	/** Attempts in one window, which opened at {@code start} (epoch milliseconds). */
	private static final class Counter {

		final long start;

		final AtomicInteger count = new AtomicInteger();

		Counter(long start) {
			this.start = start;
		}

		boolean closed(long now, long window) {
			return now - start >= window;
		}

	}

}
