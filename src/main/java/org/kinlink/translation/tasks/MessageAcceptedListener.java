package org.kinlink.translation.tasks;

import java.util.UUID;

import org.kinlink.messages.FamilyMessages;
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
 * redelivery finds the tasks and only reports again (both steps are idempotent). Files whose transcripts
 * were approved before acceptance get their tasks here too; a letter of files only, without text, starts
 * translation when a file has tasks.
 */
@Component
class MessageAcceptedListener {

	private static final int ATTEMPTS = 3;

	private final TaskOpening opening;

	private final MessageProgress progress;

	private final FileTasks fileTasks;

	private final FamilyMessages messages;

	MessageAcceptedListener(TaskOpening opening, MessageProgress progress, FileTasks fileTasks, FamilyMessages messages) {
		this.opening = opening;
		this.progress = progress;
		this.fileTasks = fileTasks;
		this.messages = messages;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MessageAccepted event) {
		boolean text = opening.open(event.messageId(), event.language());
		boolean files = fileTasks.openAll(messages.summary(event.messageId()));
		if (text || files) {
			startTranslation(event.messageId());
		}
	}

	/** Tells the message that translation started, retrying a concurrent change of the message. */
	void startTranslation(UUID messageId) {
		for (int attempt = 1;; attempt++) {
			try {
				progress.translationStarted(messageId);
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
