package org.kinlink.accounts.factor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A code from the authenticator app (six digits) or a recovery code. */
record CodeForm(@NotBlank(message = "{accounts.factor.codeMissing}") @Size(max = 32, message = "{accounts.factor.wrongCode}") String code) {

	static CodeForm empty() {
		return new CodeForm(null);
	}

}
