package org.kinlink.cases.followups;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.kinlink.shared.web.IllegalTransitionException;

/**
 * A check to make on a case by a date: what to check (purpose) and what came of it (outcome) are sealed when
 * stored; done once, never undone.
 */
record FollowUp(UUID id, UUID caseId, LocalDate dueOn, String purpose, String outcome, String createdBy,
		Instant createdAt, Instant doneAt, String doneBy, Instant remindedAt) {

	public boolean done() {
		return doneAt != null;
	}

	/** Not done and due before {@code today}. */
	boolean overdueOn(LocalDate today) {
		return !done() && dueOn.isBefore(today);
	}

	FollowUp completed(String withOutcome, String by, Instant at) {
		if (done()) {
			throw new IllegalTransitionException("caseservices.followup.alreadyDone");
		}
		return new FollowUp(id, caseId, dueOn, purpose, withOutcome, createdBy, createdAt, at, by, remindedAt);
	}

}
