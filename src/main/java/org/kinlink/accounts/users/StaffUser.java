package org.kinlink.accounts.users;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.kinlink.accounts.StaffRole;

/**
 * A staff account as stored: the password only as an Argon2id hash, none until the owner activates the
 * account; the team (null for none) decides which cases a caseworker or supervisor sees. The stamp rises with
 * every change that must end the account's open sessions.
 */
record StaffUser(UUID id, String username, String displayName, String team, String passwordHash, Set<StaffRole> roles,
		boolean enabled, long stamp) {

	StaffUser {
		roles = roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
	}

	/** A new account the administrator created: enabled, but without a password until its owner activates it. */
	static StaffUser created(UUID id, String username, String displayName, String team, Set<StaffRole> roles) {
		return new StaffUser(id, username, displayName, team, null, roles, true, 0);
	}

	public boolean awaitingActivation() {
		return passwordHash == null;
	}

	boolean isAdmin() {
		return enabled && roles.contains(StaffRole.ADMIN);
	}

}
