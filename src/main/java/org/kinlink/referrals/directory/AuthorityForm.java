package org.kinlink.referrals.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.kinlink.shared.text.SafeText;

/** The directory form; the language is one Kinlink writes in, the deadline between 1 and 365 days. */
record AuthorityForm(@NotBlank @SafeText(max = 200) String name, @NotNull AuthorityKind kind,
		@NotBlank @Pattern(regexp = "sq|en|fa", message = "{referrals.authority.language.invalid}") String language,
		@NotBlank @SafeText(max = 500, multiline = true) String postalAddress,
		@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
		@NotNull @Min(1) @Max(365) Integer acknowledgementDays, Integer version) {

	static AuthorityForm empty() {
		return new AuthorityForm(null, null, null, null, null, 30, null);
	}

	static AuthorityForm of(Authority authority) {
		return new AuthorityForm(authority.name(), authority.kind(), authority.language(), authority.postalAddress(),
				authority.email(), authority.acknowledgementDays(), authority.version());
	}

}
