package org.kinlink.referrals.workflow;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.kinlink.shared.text.SafeText;

import org.springframework.format.annotation.DateTimeFormat;

/** The authority's acknowledgement: their reference and the date of their answer. */
record AcknowledgementForm(@NotBlank @SafeText(max = 100) String theirReference,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate acknowledgedOn) {

	static AcknowledgementForm empty() {
		return new AcknowledgementForm(null, null);
	}

}
