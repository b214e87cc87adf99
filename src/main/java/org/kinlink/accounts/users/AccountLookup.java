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

	/** Stores the same password hashed with today's parameters (after a successful sign-in). */
	@Transactional
	public void rehash(UUID id, String newHash) {
		users.byId(id).ifPresent(u -> users.update(u.withRehashedPassword(newHash)));
	}

}
