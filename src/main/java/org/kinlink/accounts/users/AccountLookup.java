package org.kinlink.accounts.users;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts as the sign-in step and the session checks see them. */
@Service
public class AccountLookup {

	private final StaffUsers users;

	AccountLookup(StaffUsers users) {
		this.users = users;
	}

	@Transactional(readOnly = true)
	public Optional<LoginAccount> forLogin(String username) {
		return users.byUsername(username)
			.map(u -> new LoginAccount(u.id(), u.username(), u.passwordHash(), u.roles(), u.enabled(), u.stamp()));
	}

	/** Whether a session opened at this stamp may go on: the account is still enabled and nothing ended its sessions. */
	@Transactional(readOnly = true)
	public boolean isCurrent(UUID id, long stamp) {
		return users.stampOfEnabled(id).map(current -> current == stamp).orElse(false);
	}

	/**
	 * Stores the same password hashed with today's parameters (after a successful sign-in), unless the account
	 * changed since it was read for the sign-in: then it is skipped (the next sign-in re-hashes), so a disable,
	 * role change or new password made meanwhile stays. Returns whether the new hash was stored.
	 */
	@Transactional
	public boolean rehash(LoginAccount readAtSignIn, String newHash) {
		return users.rehashPassword(readAtSignIn.id(), readAtSignIn.passwordHash(), newHash, readAtSignIn.stamp());
	}

}
