package org.kinlink.cases.followups;

import jakarta.validation.constraints.NotBlank;

import org.kinlink.shared.text.SafeText;

/** What came of a follow-up. */
record FollowUpDoneForm(@NotBlank @SafeText(max = 4000, multiline = true) String outcome) {

	static FollowUpDoneForm empty() {
		return new FollowUpDoneForm(null);
	}

}
