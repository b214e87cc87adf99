package org.kinlink.accounts.setup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.kinlink.shared.text.SafeText;

/** The first administrator: a username, a display name and a password typed twice. */
record SetupForm(@NotBlank @Pattern(regexp = "[a-z0-9._-]{3,40}", message = "{account.username.pattern}") String username,
		@NotBlank @SafeText(max = 100) String displayName,
		@NotBlank @Size(min = 12, max = 128, message = "{account.password.length}") String password,
		String passwordAgain) {

	static SetupForm empty() {
		return new SetupForm(null, null, null, null);
	}

}
