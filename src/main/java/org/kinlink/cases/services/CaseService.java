package org.kinlink.cases.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A service the person receives, with its plain-text notes (sealed when stored). Creating and changing it
 * enforce the rules: the end not before the start, an outcome exactly when completed, and only the legal
 * status moves ({@link ServiceStatus#mayBecome}).
 */
record CaseService(UUID id, UUID caseId, ServiceType type, String provider, LocalDate startedOn, LocalDate endedOn,
		ServiceStatus status, ServiceOutcome outcome, String notes, Instant createdAt, int version) {

	/** What a caseworker enters for a service. */
	record Details(ServiceType type, String provider, LocalDate startedOn, LocalDate endedOn, ServiceStatus status,
			ServiceOutcome outcome, String notes) {
	}

	static CaseService create(UUID id, UUID caseId, Details d, Instant now) {
		if (d.status() == ServiceStatus.CANCELLED) {
			throw new InvalidEntryException("status", "caseservices.service.status.notAtStart");
		}
		check(d);
		return new CaseService(id, caseId, d.type(), d.provider(), d.startedOn(), d.endedOn(), d.status(), d.outcome(),
				d.notes(), now, 0);
	}

	/** The service as changed; {@code version} is the one the form was opened with. */
	CaseService changed(Details d, int formVersion) {
		if (!status.mayBecome(d.status())) {
			throw new InvalidEntryException("status", "caseservices.service.status.illegal");
		}
		check(d);
		return new CaseService(id, caseId, d.type(), d.provider(), d.startedOn(), d.endedOn(), d.status(), d.outcome(),
				d.notes(), createdAt, formVersion);
	}

	boolean finished() {
		return status == ServiceStatus.COMPLETED || status == ServiceStatus.CANCELLED;
	}

	private static void check(Details d) {
		if (d.startedOn() != null && d.endedOn() != null && d.endedOn().isBefore(d.startedOn())) {
			throw new InvalidEntryException("endedOn", "caseservices.dates.endBeforeStart");
		}
		if (d.status() == ServiceStatus.COMPLETED && d.outcome() == null) {
			throw new InvalidEntryException("outcome", "caseservices.service.outcome.required");
		}
		if (d.status() != ServiceStatus.COMPLETED && d.outcome() != null) {
			throw new InvalidEntryException("outcome", "caseservices.service.outcome.onlyCompleted");
		}
	}

}
