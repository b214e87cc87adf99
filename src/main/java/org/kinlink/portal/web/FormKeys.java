package org.kinlink.portal.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time keys that make a letter form safe to submit twice: each form carries a random key; the first
 * submission claims its SHA-256 under a unique constraint, any later one finds it taken.
 */
@Component
class FormKeys {

	static final String PATTERN = "[A-Za-z0-9_-]{43}";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	FormKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String newKey() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	boolean used(String key) {
		return jdbc.sql("select exists (select 1 from portal.form_key where key_hash = ?)")
			.param(hash(key))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Claims the key in the caller's transaction; false when it was claimed before. A concurrent claim of the
	 * same key waits for the first transaction and then finds it taken.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean claim(String key) {
		return jdbc.sql("insert into portal.form_key (key_hash, used_at) values (?, ?) on conflict do nothing")
			.params(hash(key), Timestamp.from(clock.instant()))
			.update() == 1;
	}

	private static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
