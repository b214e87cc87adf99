package org.kinlink.tracing;

import java.util.UUID;

/** The tracing module's API for the portal: a family's tracing request, and the answer the family may see. */
public interface FamilyTracing {

	/** Stores the request sealed under its own key, in the caller's transaction; returns its id. */
	UUID submit(TracingSubmission submission);

	/**
	 * What the family may read now: computed at every look from the request and the found person's current
	 * decision, so a withdrawal applies at once. Never says whether anybody was found unless the person allows
	 * it. {@code RecordNotFoundException} if unknown.
	 */
	TracingAnswer answer(UUID requestId);

}
