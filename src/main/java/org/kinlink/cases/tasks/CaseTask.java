package org.kinlink.cases.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task of a case (the first-tasks checklist or another one): kind, due day, and when it was done. */
public record CaseTask(UUID id, UUID caseId, String kind, LocalDate dueOn, Instant doneAt, String doneBy,
		String caseReference) {

	public boolean done() {
		return doneAt != null;
	}

	public boolean overdue(LocalDate today) {
		return !done() && dueOn.isBefore(today);
	}

}
