package org.kinlink.portal.receipts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Argon2id of a receipt as a PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash). The salt is derived
 * from the pepper and the pepper is also Argon2's secret input, so the same receipt always gives the same
 * string (lookup is an equality match) and nothing in the database alone can confirm a guess. At most a few
 * hashes run at once, so a burst of requests cannot exhaust memory.
 */
@Component
class ReceiptHasher {

	static final int MEMORY_KIB = 19_456;

	static final int ITERATIONS = 2;

	static final int PARALLELISM = 1;

	private static final int HASH_BYTES = 32;

	private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

	private final byte[] pepper;

	private final byte[] salt;

	private final Semaphore permits;

	private final Duration wait;

	@org.springframework.beans.factory.annotation.Autowired
	ReceiptHasher(@Value("${kinlink.receipt-pepper:${KINLINK_RECEIPT_PEPPER:}}") String pepperFromEnvironment,
			@Value("${kinlink.data-dir}") Path dataDir,
			@Value("${kinlink.portal.receipt-hashing.concurrency:2}") int concurrency,
			@Value("${kinlink.portal.receipt-hashing.wait:PT10S}") Duration wait,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this(ReceiptPepper.load(pepperFromEnvironment, dataDir.resolve("keys/receipt-pepper"), () -> receiptsExist(jdbc)),
				concurrency, wait);
	}

	ReceiptHasher(String pepperFromEnvironment, Path dataDir, int concurrency, Duration wait) {
		this(ReceiptPepper.load(pepperFromEnvironment, dataDir.resolve("keys/receipt-pepper")), concurrency, wait);
	}

	private ReceiptHasher(byte[] pepper, int concurrency, Duration wait) {
		this.pepper = pepper;
		this.salt = Arrays.copyOf(hmac(pepper, "kinlink.receipt.salt.v1"), 16);
		this.permits = new Semaphore(Math.max(1, concurrency), true);
		this.wait = wait;
	}

	private static boolean receiptsExist(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		boolean migrated = jdbc.sql("select to_regclass('portal.receipt') is not null").query(Boolean.class).single();
		return migrated && jdbc.sql("select exists (select 1 from portal.receipt)").query(Boolean.class).single();
	}

	String hash(Receipt receipt) {
		acquire();
		try {
			Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
				.withVersion(Argon2Parameters.ARGON2_VERSION_13)
				.withMemoryAsKB(MEMORY_KIB)
				.withIterations(ITERATIONS)
				.withParallelism(PARALLELISM)
				.withSalt(salt)
				.withSecret(pepper)
				.build();
			Argon2BytesGenerator generator = new Argon2BytesGenerator();
			generator.init(parameters);
			byte[] out = new byte[HASH_BYTES];
			generator.generateBytes(receipt.digits().getBytes(StandardCharsets.US_ASCII), out);
			return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(MEMORY_KIB, ITERATIONS, PARALLELISM,
					B64.encodeToString(salt), B64.encodeToString(out));
		}
		finally {
			permits.release();
		}
	}

	private void acquire() {
		try {
			if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new PortalBusyException();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PortalBusyException();
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
