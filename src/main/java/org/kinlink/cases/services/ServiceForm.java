package org.kinlink.cases.services;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.kinlink.shared.text.SafeText;

/** The service form; dates are typed in Jalali or Gregorian (bound through the shared date input). */
record ServiceForm(@NotNull ServiceType type, @NotBlank @SafeText(max = 200) String provider, LocalDate startedOn,
		LocalDate endedOn, @NotNull ServiceStatus status, ServiceOutcome outcome,
		@SafeText(max = 4000, multiline = true) String notes, Integer version) {

	static ServiceForm empty() {
		return new ServiceForm(null, null, null, null, ServiceStatus.PLANNED, null, null, null);
	}

	static ServiceForm of(CaseService s) {
		return new ServiceForm(s.type(), s.provider(), s.startedOn(), s.endedOn(), s.status(), s.outcome(), s.notes(),
				s.version());
	}

	CaseService.Details details() {
		return new CaseService.Details(type, provider == null ? null : provider.strip(), startedOn, endedOn, status,
				outcome, notes);
	}

}
