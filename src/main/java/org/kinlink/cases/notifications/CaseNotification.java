package org.kinlink.cases.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A departure notification to one authority, sent as a referral: its state follows the referral's events;
 * {@code escalatedAt} is set when it was not dispatched by {@code dueAt} and the supervisors were alerted.
 */
public record CaseNotification(UUID id, UUID caseId, UUID authorityId, String authorityKind, UUID referralId,
		State state, Instant createdAt, Instant dueAt, Instant dispatchedAt, Instant acknowledgedAt,
		Instant escalatedAt) {

	/** Where a notification stands; it leaves DRAFTED when its referral is dispatched. */
	public enum State {
		DRAFTED, DISPATCHED, ACKNOWLEDGED, CANCELLED
	}

	/** Not dispatched although its deadline has passed. */
	public boolean overdue(Instant now) {
		return state == State.DRAFTED && now.isAfter(dueAt);
	}

	/** Dispatched after its deadline. */
	public boolean late() {
		return dispatchedAt != null && dispatchedAt.isAfter(dueAt);
	}

}
