package org.kinlink.cases;

import java.util.UUID;

/**
 * The consent gate (S15): every path that tells anyone anything about a person who left asks here first. The
 * answer comes from the person's current recorded decision (their consent, or a supervisor's vital-interest
 * decision); without one it is {@link DisclosureLevel#NOTHING}.
 */
public interface Disclosures {

	/** What the person allows now; NOTHING for an unknown person or one without a recorded decision. */
	DisclosureLevel permitted(UUID personId);

	/**
	 * Checks, inside the caller's transaction, that the person allows at least {@code needed}, and holds a lock on
	 * the decision until that transaction ends, so a withdrawal recorded meanwhile waits and the disclosure
	 * cannot commit on a decision that is no longer current. Audits the disclosure with its purpose (no personal
	 * data); refuses with {@link DisclosureRefusedException}, also audited.
	 *
	 * @param purpose a short code such as {@code tracing.answer} or {@code message.deliver}
	 * @return the id of the legal basis the disclosure rests on
	 */
	UUID require(UUID personId, DisclosureLevel needed, String purpose);

}
