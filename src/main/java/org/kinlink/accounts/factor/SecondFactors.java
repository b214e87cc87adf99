package org.kinlink.accounts.factor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.kinlink.accounts.throttle.LoginThrottle;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each staff member's second factor (S9, S10): enrolment of a TOTP secret (sealed with the Vault under the
 * account's own key), single-use codes (the last accepted time step is kept and only later steps count, in
 * one atomic update), ten single-use recovery codes kept as keyed hashes, and the administrator's reset.
 * Wrong codes count in the sign-in throttle under their own key, which a right password does not clear.
 * Codes and secrets never reach the audit trail or the logs.
 */
@Service
public class SecondFactors {

	static final String RECORD = "staff_user";

	static final int RECOVERY_CODES = 10;

	private static final String SECRET_CONTEXT = "accounts.totp-secret:";

	private static final String RECOVERY_CONTEXT = "accounts.recovery-key:";

	private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Vault vault;

	private final Totp totp;

	private final AuditTrail audit;

	private final LoginThrottle throttle;

	private final Clock clock;

	SecondFactors(JdbcClient jdbc, Vault vault, Totp totp, AuditTrail audit, LoginThrottle throttle, Clock clock) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.totp = totp;
		this.audit = audit;
		this.throttle = throttle;
		this.clock = clock;
	}

	/** Where an account stands with its second factor. */
	public enum State {
		NONE, ENROLLING, ENROLLED
	}

	/** How a code was taken. */
	enum Check {
		ACCEPTED, WRONG, THROTTLED
	}

	/** The outcome of confirming an enrolment: on success the recovery codes to show once. */
	record Confirmation(Check check, List<String> recoveryCodes) {
	}

	private record Row(UUID keyId, byte[] secret, byte[] recoveryKey, boolean confirmed) {
	}

	@Transactional(readOnly = true)
	public State state(UUID userId) {
		return row(userId).map(r -> r.confirmed() ? State.ENROLLED : State.ENROLLING).orElse(State.NONE);
	}

	/**
	 * The secret to enrol, made and sealed on first call and the same until confirmed (a reload of the page shows
	 * the same QR code). Refused once a factor is enrolled: nobody learns an enrolled secret again.
	 */
	@Transactional
	byte[] enrolmentSecret(UUID userId) {
		Optional<Row> existing = row(userId);
		if (existing.isPresent()) {
			if (existing.get().confirmed()) {
				throw new IllegalTransitionException("accounts.factor.alreadyEnrolled");
			}
			return open(userId, existing.get());
		}
		UUID keyId = vault.newKey();
		byte[] secret = Totp.newSecret();
		byte[] recoveryKey = new byte[32];
		RANDOM.nextBytes(recoveryKey);
		int inserted = jdbc.sql("""
				insert into accounts.second_factor (user_id, key_id, secret, recovery_key, created_at)
				values (?, ?, ?, ?, ?) on conflict (user_id) do nothing
				""")
			.params(userId, keyId, vault.seal(keyId, secret, SECRET_CONTEXT + userId),
					vault.seal(keyId, recoveryKey, RECOVERY_CONTEXT + userId), java.sql.Timestamp.from(clock.instant()))
			.update();
		if (inserted == 0) { // another request of the same user won: take its secret
			vault.shred(keyId);
			return enrolmentSecret(userId);
		}
		return secret;
	}

	/** Confirms the enrolment with a first code; the code's step counts as used. */
	@Transactional
	Confirmation confirm(UUID userId, String username, String code, String client) {
		String throttleKey = throttleKey(username);
		if (throttle.isLocked(throttleKey, client)) {
			audit.recordAs(username, AuditEvent.failure("account.second-factor-enrolled", RECORD, userId).withDetail("throttled"));
			return new Confirmation(Check.THROTTLED, List.of());
		}
		Row row = row(userId).filter(r -> !r.confirmed()).orElseThrow(RecordNotFoundException::new);
		OptionalLong step = totp.matchingStep(open(userId, row), code);
		if (step.isEmpty() || jdbc.sql("""
				update accounts.second_factor set confirmed = true, confirmed_at = ?, last_step = ?
				where user_id = ? and not confirmed
				""").params(java.sql.Timestamp.from(clock.instant()), step.getAsLong(), userId).update() != 1) {
			throttle.recordFailure(throttleKey, client);
			audit.recordAs(username, AuditEvent.failure("account.second-factor-enrolled", RECORD, userId).withDetail("wrong-code"));
			return new Confirmation(Check.WRONG, List.of());
		}
		throttle.recordSuccess(throttleKey);
		audit.recordAs(username, AuditEvent.success("account.second-factor-enrolled", RECORD, userId));
		return new Confirmation(Check.ACCEPTED, replaceRecoveryCodes(userId, username, row));
	}

	/**
	 * Checks a code at sign-in or re-authentication: a TOTP code of a step after the last used one, or an unused
	 * recovery code. Both are used up by the same atomic update that accepts them.
	 */
	@Transactional
	Check verify(UUID userId, String username, String code, String client, String purpose) {
		String throttleKey = throttleKey(username);
		if (throttle.isLocked(throttleKey, client)) {
			audit.recordAs(username, AuditEvent.failure(purpose, RECORD, userId).withDetail("throttled"));
			return Check.THROTTLED;
		}
		Optional<Row> row = row(userId).filter(Row::confirmed);
		String typed = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
		String how = null;
		if (row.isPresent()) {
			if (typed.contains("-")) {
				if (useRecoveryCode(userId, row.get(), typed)) {
					how = "recovery-code";
				}
			}
			else {
				OptionalLong step = totp.matchingStep(open(userId, row.get()), typed);
				if (step.isPresent() && jdbc.sql("""
						update accounts.second_factor set last_step = ? where user_id = ? and confirmed and last_step < ?
						""").params(step.getAsLong(), userId, step.getAsLong()).update() == 1) {
					how = "totp";
				}
			}
		}
		if (how == null) {
			throttle.recordFailure(throttleKey, client);
			audit.recordAs(username, AuditEvent.failure(purpose, RECORD, userId).withDetail("wrong-code"));
			return Check.WRONG;
		}
		throttle.recordSuccess(throttleKey);
		audit.recordAs(username, AuditEvent.success(purpose, RECORD, userId).withDetail(how));
		return Check.ACCEPTED;
	}

	/** How many unused recovery codes the account has left. */
	@Transactional(readOnly = true)
	public long recoveryCodesLeft(UUID userId) {
		return jdbc.sql("select count(*) from accounts.recovery_code where user_id = ? and used_at is null")
			.param(userId)
			.query(Long.class)
			.single();
	}

	/** Ten new recovery codes for the owner (after re-authentication); the old ones stop working. */
	@Transactional
	List<String> newRecoveryCodes(UUID userId, String username) {
		Row row = row(userId).filter(Row::confirmed).orElseThrow(RecordNotFoundException::new);
		return replaceRecoveryCodes(userId, username, row);
	}

	/**
	 * The owner drops their factor to enrol a new one (after re-authentication). The account's other sessions
	 * end (the old authenticator may be lost); the returned new stamp keeps the caller's own session.
	 */
	@Transactional
	long dropOwn(UUID userId, String username) {
		remove(userId);
		long stamp = jdbc.sql("update accounts.staff_user set stamp = stamp + 1 where id = ? returning stamp")
			.param(userId)
			.query(Long.class)
			.single();
		audit.recordAs(username, AuditEvent.success("account.second-factor-dropped", RECORD, userId).withDetail("re-enrolment"));
		return stamp;
	}

	/**
	 * An administrator resets another account's second factor: it is gone with its recovery codes, the key is
	 * shredded and the account's sessions end; the owner enrols a new one at the next sign-in. The administrator
	 * never sees or sets a secret. Resetting one's own factor goes through self-service (re-authentication).
	 */
	@Transactional
	public void reset(UUID userId, String actor) {
		String owner = jdbc.sql("select username from accounts.staff_user where id = ?")
			.param(userId)
			.query(String.class)
			.optional()
			.orElseThrow(RecordNotFoundException::new);
		if (owner.equals(actor)) {
			throw new IllegalTransitionException("accounts.factor.selfReset");
		}
		remove(userId);
		jdbc.sql("update accounts.staff_user set stamp = stamp + 1 where id = ?").param(userId).update();
		audit.record(AuditEvent.success("account.second-factor-reset", RECORD, userId));
	}

	private void remove(UUID userId) {
		Optional<UUID> keyId = jdbc.sql("delete from accounts.second_factor where user_id = ? returning key_id")
			.param(userId)
			.query(UUID.class)
			.optional();
		jdbc.sql("delete from accounts.recovery_code where user_id = ?").param(userId).update();
		keyId.ifPresent(vault::shred);
	}

	private List<String> replaceRecoveryCodes(UUID userId, String username, Row row) {
		byte[] key = vault.open(row.keyId(), row.recoveryKey(), RECOVERY_CONTEXT + userId);
		jdbc.sql("delete from accounts.recovery_code where user_id = ?").param(userId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = newRecoveryCode();
			codes.add(code);
			jdbc.sql("insert into accounts.recovery_code (user_id, code_hash) values (?, ?)")
				.params(userId, hash(key, code))
				.update();
		}
		audit.recordAs(username, AuditEvent.success("account.recovery-codes-issued", RECORD, userId));
		return List.copyOf(codes);
	}

	private boolean useRecoveryCode(UUID userId, Row row, String typed) {
		String code = typed.replace(" ", "");
		if (code.length() != 11) {
			return false;
		}
		byte[] key = vault.open(row.keyId(), row.recoveryKey(), RECOVERY_CONTEXT + userId);
		return jdbc.sql("update accounts.recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
			.params(java.sql.Timestamp.from(clock.instant()), userId, hash(key, code))
			.update() == 1;
	}

	/** Two groups of five characters without look-alikes (about 49 bits), e.g. "k7m2p-x9qrt". */
	private static String newRecoveryCode() {
		StringBuilder code = new StringBuilder(11);
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
		}
		return code.toString();
	}

	private static String hash(byte[] key, String code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] open(UUID userId, Row row) {
		return vault.open(row.keyId(), row.secret(), SECRET_CONTEXT + userId);
	}

	private Optional<Row> row(UUID userId) {
		return jdbc.sql("select key_id, secret, recovery_key, confirmed from accounts.second_factor where user_id = ?")
			.param(userId)
			.query((rs, n) -> new Row(rs.getObject("key_id", UUID.class), rs.getBytes("secret"), rs.getBytes("recovery_key"),
					rs.getBoolean("confirmed")))
			.optional();
	}

	/** Wrong codes are counted apart from wrong passwords, so that a right password does not clear them. */
	static String throttleKey(String username) {
		return "factor:" + username;
	}

}
