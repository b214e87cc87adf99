package org.kinlink.accounts.factor;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.kinlink.shared.text.PersianText;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 codes as every authenticator app makes them: HMAC-SHA1, 30-second steps, 6 digits. A code is
 * accepted for the current step and one step either side (clock drift), never further.
 */
@org.springframework.stereotype.Component
public final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	static final int DIGITS = 6;

	static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS,
			TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private final Clock clock;

	public Totp(Clock clock) {
		this.clock = clock;
	}

	/** A new random secret (160 bits, as RFC 4226 recommends). */
	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	/** The time step of an instant: seconds since the epoch divided by 30. */
	public static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP.getSeconds());
	}

	/** The code of the given step (tests compute codes with it; the server only compares). */
	public static String code(byte[] secret, long step) {
		try {
			var generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS,
					TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
			return generator.generateOneTimePasswordString(key(secret), Instant.ofEpochSecond(step * STEP.getSeconds()),
					Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The secret as authenticator apps take it for manual entry and in the otpauth URI. */
	public static String base32(byte[] secret) {
		return new Base32().encodeAsString(secret).replace("=", "");
	}

	/** The secret from its Base32 text (tests read it off the enrolment page). */
	public static byte[] fromBase32(String text) {
		return new Base32().decode(text.replace(" ", "").toUpperCase(Locale.ROOT));
	}

	/**
	 * The step whose code the typed code is, among the current step and one either side, if any: the caller
	 * then records it as used (only steps after the last used one count).
	 */
	OptionalLong matchingStep(byte[] secret, String typed) {
		// a Persian keyboard types Persian digits: the code is the same
		String code = typed == null ? "" : PersianText.latinDigits(typed).replace(" ", "").strip();
		if (code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		long now = step(clock.instant());
		int expected = Integer.parseInt(code);
		for (long step = now - 1; step <= now + 1; step++) {
			if (generate(secret, step) == expected) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	long currentStep() {
		return step(clock.instant());
	}

	private int generate(byte[] secret, long step) {
		try {
			synchronized (generator) {
				return generator.generateOneTimePassword(key(secret), Instant.ofEpochSecond(step * STEP.getSeconds()));
			}
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SecretKeySpec key(byte[] secret) {
		return new SecretKeySpec(secret, "HmacSHA1");
	}

}
