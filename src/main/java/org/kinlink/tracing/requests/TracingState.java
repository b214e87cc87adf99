package org.kinlink.tracing.requests;

/** Where a tracing request stands: open, linked to a person staff found, answered, or closed as not found. */
enum TracingState {

	OPEN, LINKED, ANSWERED, CLOSED_NOT_FOUND;

	/** Whether staff may still work on it (link a person, answer, close). */
	public boolean inProgress() {
		return this == OPEN || this == LINKED;
	}

}
