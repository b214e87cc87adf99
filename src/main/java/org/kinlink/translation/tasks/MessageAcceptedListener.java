package org.kinlink.translation.tasks;

import org.kinlink.messages.MessageAccepted;
import org.kinlink.messages.MessageProgress;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Translation starts when intake accepts a message. The tasks are committed first, then the message is
 * told in its own transaction, so that a concurrent change of the message (optimistic locking) costs one
 * retry of the report rather than the tasks; if it still fails, the event registry keeps the event and a
 * redelivery finds the tasks and only reports again (both steps are idempotent).
 */
@Component
class MessageAcceptedListener {

	private static final int ATTEMPTS = 3;

	private final TaskOpening opening;

	private final MessageProgress progress;

	MessageAcceptedListener(TaskOpening opening, MessageProgress progress) {
		this.opening = opening;
		this.progress = progress;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MessageAccepted event) {
		if (!opening.open(event.messageId(), event.language())) {
			return;
		}
		for (int attempt = 1;; attempt++) {
			try {
				progress.translationStarted(event.messageId());
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
