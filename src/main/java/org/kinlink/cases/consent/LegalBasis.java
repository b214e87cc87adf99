package org.kinlink.cases.consent;

import java.time.Instant;
import java.util.UUID;

import org.kinlink.cases.DisclosureLevel;
import org.kinlink.shared.web.IllegalTransitionException;

/**
 * One recorded decision about what may be disclosed about a person, as stored in clear: the person's consent
 * (signed, or oral before a witness) or a supervisor's vital-interest decision, with who recorded it and when,
 * and how it ended (superseded by a newer decision or withdrawn). Its details stay sealed elsewhere.
 */
record LegalBasis(UUID id, UUID caseId, UUID personId, Kind kind, DisclosureLevel level, Method method,
		String recordedBy, Instant recordedAt, Instant endedAt, String endedBy, Ending ending) {

	/** Whose decision it is: the person's consent, or a supervisor's decision in the person's vital interest. */
	enum Kind {
		CONSENT, VITAL_INTEREST
	}

	/** How the decision was taken. */
	enum Method {
		SIGNED, ORAL_WITNESSED, SUPERVISOR_DECISION;

		Kind kind() {
			return this == SUPERVISOR_DECISION ? Kind.VITAL_INTEREST : Kind.CONSENT;
		}
	}

	/** Why a decision is no longer current. */
	enum Ending {
		WITHDRAWN, SUPERSEDED
	}

	public boolean current() {
		return endedAt == null;
	}

	public boolean vitalInterest() {
		return kind == Kind.VITAL_INTEREST;
	}

	/** Refuses to end a decision that has already ended (withdrawn twice, or superseded meanwhile). */
	void requireCurrent() {
		if (!current()) {
			throw new IllegalTransitionException("consent.withdraw.alreadyEnded");
		}
	}

}
