package org.kinlink.messages;

import java.util.UUID;

/** The messages module's API for the portal and for downstream modules. */
public interface FamilyMessages {

	/**
	 * Stores a new letter, sealed under its own data key, in state RECEIVED and publishes {@link MessageReceived}.
	 * Runs in the caller's transaction: when that commits, the letter is durable.
	 */
	UUID receive(LetterSubmission letter);

	/** Status, dates and staff replies for the family; {@code RecordNotFoundException} if unknown. */
	FamilyView familyView(UUID messageId);

	/** The family answers a staff reply; stored sealed, visible to staff only. */
	void addFamilyReply(UUID messageId, String text);

	/** Opens the letter for staff; audited as a read of a confidential record. */
	LetterContent content(UUID messageId);

	MessageSummary summary(UUID messageId);

	/** The messages linked to a person by triage, newest first (ids and states only, nothing opened). */
	java.util.List<MessageSummary> forPerson(UUID personId);

	/**
	 * The relative's answer to the family, relayed by a caseworker (casework checks the consent first): stored
	 * sealed and shown on the family's receipt page as coming from their relative.
	 */
	void relayAnswer(UUID messageId, String text, String relayedBy);

}
