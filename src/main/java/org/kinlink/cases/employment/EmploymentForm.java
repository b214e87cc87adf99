package org.kinlink.cases.employment;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.kinlink.shared.text.SafeText;

/** The work and income form; the income is text so that a wrong amount gets a clear message. */
record EmploymentForm(@NotNull EmploymentKind kind, @SafeText(max = 200) String employer, @NotNull LocalDate startedOn,
		LocalDate endedOn, @SafeText(max = 20) String monthlyIncome) {

	static EmploymentForm empty() {
		return new EmploymentForm(null, null, null, null, null);
	}

}
