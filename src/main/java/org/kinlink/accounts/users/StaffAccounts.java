package org.kinlink.accounts.users;

import java.util.List;
import java.util.Locale;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to staff accounts: an administrator creates them, changes roles, disables and enables them and
 * starts password resets, but never sets or learns a password (S10); the owner sets it with a single-use
 * activation code and later changes it after giving the current one. Kinlink always keeps an enabled
 * administrator.
 */
@Service
class StaffAccounts {

	private static final String RECORD = "staff_user";

	private final StaffUsers users;

	private final ActivationCodes codes;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final LoginThrottle throttle;

	StaffAccounts(StaffUsers users, ActivationCodes codes, PasswordEncoder passwords, AuditTrail audit,
			LoginThrottle throttle) {
		this.users = users;
		this.codes = codes;
		this.passwords = passwords;
		this.audit = audit;
		this.throttle = throttle;
	}

	/** A new account and the activation code to hand over, which is not kept anywhere in readable form. */
	record Created(UUID id, ActivationCodes.Issued activation) {
	}

	/** How an activation attempt ended. */
	enum Activation {
		ACTIVATED, INVALID, EXPIRED, THROTTLED
	}

	/** How a change of one's own password ended. */
	enum PasswordChange {
		CHANGED, WRONG_PASSWORD, THROTTLED
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
	Created create(String username, String displayName, Set<StaffRole> roles) {
		UUID id = UUID.randomUUID();
		users.insert(StaffUser.created(id, username, displayName, roles));
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
		users.update(user.withPassword(null));
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
		users.update(user.withRoles(roles));
		audit.record(AuditEvent.success("account.roles-changed", RECORD, id).withDetail(roleNames(roles)));
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
		users.update(user.withEnabled(false));
		audit.record(AuditEvent.success("account.disabled", RECORD, id));
	}

	@Transactional
	void enable(UUID id) {
		StaffUser user = get(id);
		if (user.enabled()) {
			return;
		}
		users.update(user.withEnabled(true));
		audit.record(AuditEvent.success("account.enabled", RECORD, id));
	}

	/** Sets the owner's first (or reset) password if the code is right, open and unused. */
	@Transactional
	Activation activate(String typedUsername, String code, String password, String clientAddress) {
		String username = typedUsername.strip().toLowerCase(Locale.ROOT);
		String throttleKey = "activate:" + username;
		if (throttle.isLocked(throttleKey, clientAddress)) {
			return Activation.THROTTLED;
		}
		Optional<StaffUser> user = users.byUsername(username);
		ActivationCodes.Redemption redemption = user.map(u -> codes.redeem(u.id(), code))
			.orElse(ActivationCodes.Redemption.INVALID);
		if (redemption != ActivationCodes.Redemption.ACCEPTED) {
			throttle.recordFailure(throttleKey, clientAddress);
			audit.recordAs(user.isPresent() ? username : "unknown", new AuditEvent("account.activation", RECORD,
					user.map(u -> u.id().toString()).orElse(null), AuditEvent.Outcome.FAILURE, redemption.name().toLowerCase(Locale.ROOT)));
			return redemption == ActivationCodes.Redemption.EXPIRED ? Activation.EXPIRED : Activation.INVALID;
		}
		users.update(user.get().withPassword(passwords.encode(password)));
		throttle.recordSuccess(throttleKey);
		audit.recordAs(username, AuditEvent.success("account.activated", RECORD, user.get().id()));
		return Activation.ACTIVATED;
	}

	/**
	 * Changes the signed-in user's own password after checking the current one (re-authentication, counted
	 * by the sign-in throttle). Every other session of the account ends; the caller keeps its own.
	 */
	@Transactional
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
		StaffUser changed = user.withPassword(passwords.encode(newPassword));
		users.update(changed);
		audit.record(AuditEvent.success("account.password-changed", RECORD, user.id()));
		return new PasswordChangeResult(PasswordChange.CHANGED, changed.stamp());
	}

	/** The outcome of a password change and, when changed, the account's new stamp. */
	record PasswordChangeResult(PasswordChange outcome, long stamp) {
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
