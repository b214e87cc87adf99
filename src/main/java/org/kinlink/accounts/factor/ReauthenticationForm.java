package org.kinlink.accounts.factor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Re-authentication before a change of one's own second factor: the password and a current code (S10). */
record ReauthenticationForm(@NotBlank @Size(max = 128, message = "{accounts.password.wrongCurrent}") String currentPassword,
		@NotBlank(message = "{accounts.factor.codeMissing}") @Size(max = 32, message = "{accounts.factor.wrongCode}") String code) {

	static ReauthenticationForm empty() {
		return new ReauthenticationForm(null, null);
	}

}
