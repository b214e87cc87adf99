package org.kinlink.translation.tasks;

/**
 * Where a translation task stands: OPEN (nobody took it) -> IN_PROGRESS (a translator works on it) ->
 * TRANSLATED (submitted) -> REVIEWED -> APPROVED; a reviewer may return it from TRANSLATED or REVIEWED to
 * IN_PROGRESS with a comment.
 */
public enum TaskState {

	OPEN, IN_PROGRESS, TRANSLATED, REVIEWED, APPROVED;

	/** Whether the translation is submitted and waits for a reviewer (to review or to approve). */
	public boolean awaitsReview() {
		return this == TRANSLATED || this == REVIEWED;
	}

	/** Whether a translator has finished the text: it may serve as the pivot for another language. */
	public boolean isTranslated() {
		return this == TRANSLATED || this == REVIEWED || this == APPROVED;
	}

}
