package org.kinlink.cases.followups;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.kinlink.shared.text.SafeText;

/** A new follow-up: when, and what to check. */
record FollowUpForm(@NotNull LocalDate dueOn, @NotBlank @SafeText(max = 2000, multiline = true) String purpose) {

	static FollowUpForm empty() {
		return new FollowUpForm(null, null);
	}

}
