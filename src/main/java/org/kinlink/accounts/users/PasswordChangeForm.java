package org.kinlink.accounts.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A change of one's own password: the current one (re-authentication) and the new one twice. */
record PasswordChangeForm(@NotBlank @Size(max = 128, message = "{account.password.length}") String currentPassword,
		@NotBlank @Size(min = 12, max = 128, message = "{account.password.length}") String newPassword,
		String newPasswordAgain) {

	static PasswordChangeForm empty() {
		return new PasswordChangeForm(null, null, null);
	}

}
