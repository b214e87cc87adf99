package org.kinlink.accounts.users;

import java.util.Set;
import java.util.UUID;

import org.kinlink.accounts.StaffRole;

/** What the sign-in step needs to know about an account; the hash is null while the account awaits activation. */
public record LoginAccount(UUID id, String username, String passwordHash, Set<StaffRole> roles, boolean enabled,
		long stamp) {

	public boolean canSignIn() {
		return enabled && passwordHash != null;
	}

}
