package org.kinlink.accounts.users;

import java.util.Set;
import java.util.UUID;

import org.kinlink.accounts.StaffRole;

/** A staff account as stored: the password only as an Argon2id hash. */
record StaffUser(UUID id, String username, String displayName, String passwordHash, Set<StaffRole> roles,
		boolean enabled) {
}
