package org.kinlink.translation.web;

import jakarta.validation.constraints.NotBlank;

import org.kinlink.shared.text.SafeText;

/** A reviewer's reason for returning a translation to its translator. */
record ReturnForm(@NotBlank @SafeText(max = 2000, multiline = true) String comment) {

	static ReturnForm empty() {
		return new ReturnForm(null);
	}

}
