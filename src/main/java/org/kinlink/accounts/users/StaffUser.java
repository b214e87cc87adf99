package org.kinlink.accounts.users;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.kinlink.accounts.StaffRole;

/**
 * A staff account as stored: the password only as an Argon2id hash, none until the owner activates the
 * account. The stamp rises with every change that must end the account's open sessions.
 */
record StaffUser(UUID id, String username, String displayName, String passwordHash, Set<StaffRole> roles,
		boolean enabled, long stamp) {

	StaffUser {
		roles = roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
	}

	/** A new account the administrator created: enabled, but without a password until its owner activates it. */
	static StaffUser created(UUID id, String username, String displayName, Set<StaffRole> roles) {
		return new StaffUser(id, username, displayName, null, roles, true, 0);
	}

	public boolean awaitingActivation() {
		return passwordHash == null;
	}

	boolean isAdmin() {
		return enabled && roles.contains(StaffRole.ADMIN);
	}

	StaffUser withRoles(Set<StaffRole> newRoles) {
		return new StaffUser(id, username, displayName, passwordHash, newRoles, enabled, stamp + 1);
	}

	StaffUser withEnabled(boolean newEnabled) {
		return new StaffUser(id, username, displayName, passwordHash, roles, newEnabled, stamp + 1);
	}

	/** A new password (or none, when a reset starts): every session opened with the old one ends. */
	StaffUser withPassword(String newHash) {
		return new StaffUser(id, username, displayName, newHash, roles, enabled, stamp + 1);
	}

	/** The same password re-hashed with stronger parameters: sessions stay. */
	StaffUser withRehashedPassword(String newHash) {
		return new StaffUser(id, username, displayName, newHash, roles, enabled, stamp);
	}

}
