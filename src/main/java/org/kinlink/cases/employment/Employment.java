package org.kinlink.cases.employment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.kinlink.cases.services.InvalidEntryException;

/**
 * A period of work, training or unemployment and the monthly income in whole euros. The employer is
 * RESTRICTED (it can lead to where the person lives): null here unless the reader may open it.
 */
record Employment(UUID id, UUID caseId, EmploymentKind kind, String employer, LocalDate startedOn, LocalDate endedOn,
		Integer monthlyIncomeEur, Instant createdAt) {

	static final int MAX_INCOME = 1_000_000;

	static Employment create(UUID id, UUID caseId, EmploymentKind kind, String employer, LocalDate startedOn,
			LocalDate endedOn, Integer monthlyIncomeEur, Instant now) {
		if (endedOn != null && startedOn != null && endedOn.isBefore(startedOn)) {
			throw new InvalidEntryException("endedOn", "caseservices.dates.endBeforeStart");
		}
		if (monthlyIncomeEur != null && (monthlyIncomeEur < 0 || monthlyIncomeEur > MAX_INCOME)) {
			throw new InvalidEntryException("monthlyIncome", "caseservices.employment.income.invalid");
		}
		return new Employment(id, caseId, kind, employer, startedOn, endedOn, monthlyIncomeEur, now);
	}

}
