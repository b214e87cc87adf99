package org.kinlink.translation.tasks;

import org.kinlink.media.TranscriptApproved;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.MessageStatus;
import org.kinlink.messages.MessageSummary;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Opens the translation tasks of a file when staff approve its transcript (idempotent: a file gets each
 * target once), and moves an accepted message into translation, as {@link MessageAcceptedListener} does for
 * typed text. A message still waiting for intake gets the tasks when it is accepted.
 */
@Component
class TranscriptApprovedListener {

	private final FileTasks fileTasks;

	private final FamilyMessages messages;

	private final MessageAcceptedListener accepted;

	TranscriptApprovedListener(FileTasks fileTasks, FamilyMessages messages, MessageAcceptedListener accepted) {
		this.fileTasks = fileTasks;
		this.messages = messages;
		this.accepted = accepted;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TranscriptApproved event) {
		MessageSummary message = messages.summary(event.messageId());
		if (fileTasks.open(event.fileId(), message) && message.status() == MessageStatus.ACCEPTED) {
			accepted.startTranslation(event.messageId());
		}
	}

}
