package org.kinlink.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * How translation and referrals move a message along its lifecycle. Called in their own transactions;
 * each call is idempotent (repeating a step that is already done changes nothing) and refuses illegal
 * moves with {@code IllegalTransitionException}. Kept as calls rather than events so that the module
 * graph stays acyclic: messages does not depend on translation or referrals.
 */
public interface MessageProgress {

	void translationStarted(UUID messageId);

	void translated(UUID messageId);

	void approved(UUID messageId);

	void referred(UUID messageId, Instant at);

	void acknowledged(UUID messageId, Instant at);

	/**
	 * The addressee, who left the group and agreed to receive family messages, was given the letter (casework
	 * checks the consent before it calls this).
	 */
	void delivered(UUID messageId, Instant at);

}
