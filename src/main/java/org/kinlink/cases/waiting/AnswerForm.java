package org.kinlink.cases.waiting;

import jakarta.validation.constraints.NotBlank;

import org.kinlink.shared.text.SafeText;

/** The person's answer to a delivered letter, as they want it sent to the family. */
record AnswerForm(@NotBlank @SafeText(max = 4000, multiline = true) String text) {

	static AnswerForm empty() {
		return new AnswerForm(null);
	}

}
