package org.kinlink.referrals.workflow;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.kinlink.shared.text.SafeText;

import org.springframework.format.annotation.DateTimeFormat;

/** A packet handed over in person: on which day, and a note (to whom, where). */
record HandDeliveryForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn,
		@NotBlank @SafeText(max = 1000, multiline = true) String note) {

	static HandDeliveryForm empty() {
		return new HandDeliveryForm(null, null);
	}

}
