package org.kinlink.accounts.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The owner's side of an activation: username, the code the administrator handed over, a new password twice. */
record ActivationForm(@NotBlank @Size(max = 40, message = "{account.username.pattern}") String username,
		@NotBlank @Size(max = 64, message = "{accounts.activate.invalid}") String code,
		@NotBlank @Size(min = 12, max = 128, message = "{account.password.length}") String password,
		String passwordAgain) {

	static ActivationForm empty() {
		return new ActivationForm(null, null, null, null);
	}

}
