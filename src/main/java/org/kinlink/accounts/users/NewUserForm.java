package org.kinlink.accounts.users;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.kinlink.accounts.StaffRole;
import org.kinlink.shared.text.SafeText;

/** A new staff account: a username, the name colleagues know, a team or none, and at least one role; no password. */
record NewUserForm(@NotBlank @Pattern(regexp = "[a-z0-9._-]{3,40}", message = "{account.username.pattern}") String username,
		@NotBlank @SafeText(max = 100) String displayName,
		@SafeText(max = TeamForm.MAX_LENGTH) String team,
		@NotEmpty(message = "{accounts.users.rolesRequired}") Set<StaffRole> roles) {

	static NewUserForm empty() {
		return new NewUserForm(null, null, null, Set.of());
	}

}
