package org.kinlink.accounts.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import org.kinlink.shared.text.PersianText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use activation codes an administrator hands to a new or reset account's owner (S10): 100 random bits
 * in Crockford Base32, shown once, stored only as a SHA-256 digest (a random code of that strength needs no
 * slow hash), valid for 72 hours, deleted when used. A new code replaces the account's previous one.
 */
@Component
class ActivationCodes {

	static final Duration VALID_FOR = Duration.ofHours(72);

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final int LENGTH = 20;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	ActivationCodes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What became of a typed code. */
	enum Redemption {
		ACCEPTED, EXPIRED, INVALID
	}

	/** A code as the administrator reads it out, and when it stops working. */
	record Issued(String code, Instant expiresAt) {
	}

	/** Issues a new code for the account, replacing any earlier one. */
	Issued issue(UUID userId) {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		String plain = new String(code);
		// the database keeps microseconds and rounds: truncate first, so the expiry read back is the one meant
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("delete from accounts.activation_code where user_id = ?").param(userId).update();
		jdbc.sql("insert into accounts.activation_code (user_id, code_hash, expires_at, created_at) values (?, ?, ?, ?)")
			.params(userId, digest(plain), Timestamp.from(now.plus(VALID_FOR)), Timestamp.from(now))
			.update();
		return new Issued(format(plain), now.plus(VALID_FOR));
	}

	/** Checks the typed code against the account's open one; an accepted code is gone afterwards. */
	Redemption redeem(UUID userId, String typed) {
		record Open(String hash, Instant expiresAt) {
		}
		var open = jdbc.sql("select code_hash, expires_at from accounts.activation_code where user_id = ? for update")
			.param(userId)
			.query((rs, n) -> new Open(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional();
		String normalised = normalise(typed);
		if (open.isEmpty() || normalised.length() != LENGTH || !MessageDigest.isEqual(
				open.get().hash().getBytes(StandardCharsets.US_ASCII), digest(normalised).getBytes(StandardCharsets.US_ASCII))) {
			return Redemption.INVALID;
		}
		if (!clock.instant().isBefore(open.get().expiresAt())) {
			return Redemption.EXPIRED;
		}
		jdbc.sql("delete from accounts.activation_code where user_id = ?").param(userId).update();
		return Redemption.ACCEPTED;
	}

	void revoke(UUID userId) {
		jdbc.sql("delete from accounts.activation_code where user_id = ?").param(userId).update();
	}

	boolean hasOpenCode(UUID userId) {
		return jdbc.sql("select exists (select 1 from accounts.activation_code where user_id = ? and expires_at > ?)")
			.params(userId, Timestamp.from(clock.instant()))
			.query(Boolean.class)
			.single();
	}

	/** Accepts the code as people read it out: any case, spaces or dashes, Persian digits, I/L for 1 and O for 0. */
	static String normalise(String typed) {
		if (typed == null) {
			return "";
		}
		String latin = PersianText.latinDigits(typed).toUpperCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(LENGTH);
		for (int i = 0; i < latin.length() && out.length() <= LENGTH; i++) {
			char c = latin.charAt(i);
			if (c == 'I' || c == 'L') {
				out.append('1');
			}
			else if (c == 'O') {
				out.append('0');
			}
			else if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
				out.append(c);
			}
		}
		return out.toString();
	}

	static String format(String plain) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < plain.length(); i += 5) {
			if (i > 0) {
				out.append('-');
			}
			out.append(plain, i, Math.min(i + 5, plain.length()));
		}
		return out.toString();
	}

	private static String digest(String normalised) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
