package org.kinlink.accounts.users;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kinlink.accounts.StaffRole;
import org.kinlink.accounts.throttle.LoginThrottle;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to staff accounts: an administrator creates them, changes roles, disables and enables them and
 * starts password resets, but never sets or learns a password (S10); the owner sets it with a single-use
 * activation code and later changes it after giving the current one. Kinlink always keeps an enabled
 * administrator.
 * <p>
 * Each change writes only its own columns and only if the account's stamp is still the one read (see
 * {@link StaffUsers}), so a disable or role change made meanwhile is never undone. Argon2 runs before any
 * transaction opens, never between the read and the write.
 */
@Service
class StaffAccounts {

	private static final String RECORD = "staff_user";

	static final String CHANGED_MEANWHILE = "accounts.changedMeanwhile";

	private final StaffUsers users;

	private final ActivationCodes codes;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final LoginThrottle throttle;

	private final TransactionTemplate transactions;

	StaffAccounts(StaffUsers users, ActivationCodes codes, PasswordEncoder passwords, AuditTrail audit,
			LoginThrottle throttle, TransactionTemplate transactions) {
		this.users = users;
		this.codes = codes;
		this.passwords = passwords;
		this.audit = audit;
		this.throttle = throttle;
		this.transactions = transactions;
	}

	/** A new account and the activation code to hand over, which is not kept anywhere in readable form. */
	record Created(UUID id, ActivationCodes.Issued activation) {
	}

	/** How an activation attempt ended. */
	enum Activation {
		ACTIVATED, INVALID, EXPIRED, THROTTLED, CHANGED_MEANWHILE
	}

	/** How a change of one's own password ended. */
	enum PasswordChange {
		CHANGED, WRONG_PASSWORD, THROTTLED, CHANGED_MEANWHILE
	}

	@Transactional(readOnly = true)
	List<StaffUser> all() {
		return users.all();
	}

	@Transactional(readOnly = true)
	StaffUser get(UUID id) {
		return users.byId(id).orElseThrow(RecordNotFoundException::new);
	}

	@Transactional(readOnly = true)
	boolean usernameTaken(String username) {
		return users.byUsername(username).isPresent();
	}

	@Transactional(readOnly = true)
	boolean hasOpenCode(UUID id) {
		return codes.hasOpenCode(id);
	}

	@Transactional
	Created create(String username, String displayName, String team, Set<StaffRole> roles) {
		UUID id = UUID.randomUUID();
		users.insert(StaffUser.created(id, username, displayName, team, roles));
		ActivationCodes.Issued code = codes.issue(id);
		audit.record(AuditEvent.success("account.created", RECORD, id).withDetail(roleNames(roles)));
		return new Created(id, code);
	}

	/** Ends the account's password and sessions and issues a new activation code for its owner. */
	@Transactional
	ActivationCodes.Issued startReset(UUID id, String actor) {
		StaffUser user = get(id);
		if (user.username().equals(actor)) {
			throw new IllegalTransitionException("accounts.users.selfReset");
		}
		requireUnchanged(users.changePassword(id, null, user.stamp()));
		ActivationCodes.Issued code = codes.issue(id);
		audit.record(AuditEvent.success("account.reset-started", RECORD, id));
		return code;
	}

	@Transactional
	void changeRoles(UUID id, Set<StaffRole> roles, String actor) {
		users.lockForRoleChange();
		StaffUser user = get(id);
		if (user.roles().equals(roles)) {
			return;
		}
		if (user.roles().contains(StaffRole.ADMIN) && !roles.contains(StaffRole.ADMIN)) {
			if (user.username().equals(actor)) {
				throw new IllegalTransitionException("accounts.users.selfDemotion");
			}
			requireAnotherAdmin(user);
		}
		requireUnchanged(users.changeRoles(id, roles, user.stamp()));
		audit.record(AuditEvent.success("account.roles-changed", RECORD, id).withDetail(roleNames(roles)));
	}

	/**
	 * Moves the account to another team, or to none when {@code team} is null. Like a role change it raises the
	 * stamp, so open sessions end and the next sign-in sees the cases of the new team only.
	 */
	@Transactional
	void changeTeam(UUID id, String team) {
		StaffUser user = get(id);
		if (Objects.equals(user.team(), team)) {
			return;
		}
		requireUnchanged(users.changeTeam(id, team, user.stamp()));
		audit.record(AuditEvent.success("account.team-changed", RECORD, id).withDetail(team == null ? "none" : team));
	}

	@Transactional
	void disable(UUID id, String actor) {
		users.lockForRoleChange();
		StaffUser user = get(id);
		if (user.username().equals(actor)) {
			throw new IllegalTransitionException("accounts.users.selfDisable");
		}
		if (!user.enabled()) {
			return;
		}
		requireAnotherAdmin(user);
		requireUnchanged(users.changeEnabled(id, false, user.stamp()));
		audit.record(AuditEvent.success("account.disabled", RECORD, id));
	}

	@Transactional
	void enable(UUID id) {
		StaffUser user = get(id);
		if (user.enabled()) {
			return;
		}
		requireUnchanged(users.changeEnabled(id, true, user.stamp()));
		audit.record(AuditEvent.success("account.enabled", RECORD, id));
	}

	/**
	 * Sets the owner's first (or reset) password if the code is right, open and unused. The password is hashed
	 * first, outside the transaction (so a wrong code also costs the same time as a right one); if the account
	 * changed between reading it and writing the password, the transaction rolls back, the code stays open and
	 * the attempt runs once more, which is safe because it reads and checks everything again.
	 */
	Activation activate(String typedUsername, String code, String password, String clientAddress) {
		String username = typedUsername.strip().toLowerCase(Locale.ROOT);
		String throttleKey = "activate:" + username;
		if (throttle.isLocked(throttleKey, clientAddress)) {
			return Activation.THROTTLED;
		}
		String hash = passwords.encode(password);
		for (int attempt = 0; attempt < 2; attempt++) {
			Activation outcome = transactions
				.execute(status -> activate(username, throttleKey, code, hash, clientAddress, status));
			if (outcome != Activation.CHANGED_MEANWHILE) {
				return outcome;
			}
		}
		audit.recordAs(username, new AuditEvent("account.activation", RECORD,
				users.byUsername(username).map(u -> u.id().toString()).orElse(null), AuditEvent.Outcome.FAILURE, "changed-meanwhile"));
		return Activation.CHANGED_MEANWHILE;
	}

	private Activation activate(String username, String throttleKey, String code, String hash, String clientAddress,
			TransactionStatus transaction) {
		Optional<StaffUser> user = users.byUsername(username);
		ActivationCodes.Redemption redemption = user.map(u -> codes.redeem(u.id(), code))
			.orElse(ActivationCodes.Redemption.INVALID);
		if (redemption != ActivationCodes.Redemption.ACCEPTED) {
			throttle.recordFailure(throttleKey, clientAddress);
			audit.recordAs(user.isPresent() ? username : "unknown", new AuditEvent("account.activation", RECORD,
					user.map(u -> u.id().toString()).orElse(null), AuditEvent.Outcome.FAILURE, redemption.name().toLowerCase(Locale.ROOT)));
			return redemption == ActivationCodes.Redemption.EXPIRED ? Activation.EXPIRED : Activation.INVALID;
		}
		if (!users.changePassword(user.get().id(), hash, user.get().stamp())) {
			transaction.setRollbackOnly();
			return Activation.CHANGED_MEANWHILE;
		}
		throttle.recordSuccess(throttleKey);
		audit.recordAs(username, AuditEvent.success("account.activated", RECORD, user.get().id()));
		return Activation.ACTIVATED;
	}

	/**
	 * Changes the signed-in user's own password after checking the current one (re-authentication, counted
	 * by the sign-in throttle). Every other session of the account ends; the caller keeps its own. Both hashes
	 * run before the write; if the account changed meanwhile (disabled, roles changed, reset) nothing is
	 * written and the user is asked to try again, so the administrator's change stands.
	 */
	PasswordChangeResult changeOwnPassword(String username, String current, String newPassword, String clientAddress) {
		if (throttle.isLocked(username, clientAddress)) {
			return new PasswordChangeResult(PasswordChange.THROTTLED, -1);
		}
		StaffUser user = users.byUsername(username).orElseThrow(RecordNotFoundException::new);
		if (user.passwordHash() == null || !passwords.matches(current, user.passwordHash())) {
			throttle.recordFailure(username, clientAddress);
			audit.record(AuditEvent.failure("account.password-changed", RECORD, user.id()).withDetail("wrong-password"));
			return new PasswordChangeResult(PasswordChange.WRONG_PASSWORD, -1);
		}
		String newHash = passwords.encode(newPassword);
		return transactions.execute(status -> {
			if (!users.changePassword(user.id(), newHash, user.stamp())) {
				audit.record(AuditEvent.failure("account.password-changed", RECORD, user.id()).withDetail("changed-meanwhile"));
				return new PasswordChangeResult(PasswordChange.CHANGED_MEANWHILE, -1);
			}
			audit.record(AuditEvent.success("account.password-changed", RECORD, user.id()));
			return new PasswordChangeResult(PasswordChange.CHANGED, user.stamp() + 1);
		});
	}

	/** The outcome of a password change and, when changed, the account's new stamp. */
	record PasswordChangeResult(PasswordChange outcome, long stamp) {
	}

	/** An administrator's change that found the account changed since it was read: refused, to be tried again. */
	private static void requireUnchanged(boolean applied) {
		if (!applied) {
			throw new IllegalTransitionException(CHANGED_MEANWHILE);
		}
	}

	private void requireAnotherAdmin(StaffUser user) {
		if (user.isAdmin() && users.enabledAdmins() <= 1) {
			throw new IllegalTransitionException("accounts.users.lastAdmin");
		}
	}

	private static String roleNames(Set<StaffRole> roles) {
		return roles.stream().map(StaffRole::name).sorted().collect(Collectors.joining(","));
	}

}
