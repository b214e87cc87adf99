package org.kinlink.retention;

/** The categories of record the administrator sets a retention period for. */
public enum RetentionCategory {

	/** Family letters that intake rejected, counted from the rejection. */
	REJECTED_SUBMISSIONS,

	/** Finished exchanges whose last reply to the family stayed unanswered, counted from that reply. */
	UNANSWERED_REPLIES,

	/** Case files of people who left, counted from the closure. */
	CLOSED_CASES,

	/** The hash-chained audit trail: it holds no personal data and is kept whole (see the admin page). */
	AUDIT_TRAIL

}
