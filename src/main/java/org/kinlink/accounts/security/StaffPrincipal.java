package org.kinlink.accounts.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/** The signed-in staff member as the session keeps it: the account id and username, never the password. */
record StaffPrincipal(UUID id, String username) implements Principal, Serializable {

	@Override
	public String getName() {
		return username;
	}

	@Override
	public String toString() {
		return username;
	}

}
