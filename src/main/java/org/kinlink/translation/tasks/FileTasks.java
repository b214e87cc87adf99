package org.kinlink.translation.tasks;

import java.util.UUID;

import org.kinlink.media.MediaFile;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.MediaStatus;
import org.kinlink.media.Transcript;
import org.kinlink.media.Transcripts;
import org.kinlink.messages.MessageStatus;
import org.kinlink.messages.MessageSummary;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Opens the tasks of a message's files from their approved transcripts: when a transcript is approved, and
 * when intake accepts a message whose transcripts were approved before. Files of a message intake has not
 * accepted (or rejected) get no task.
 */
@Component
class FileTasks {

	private final TaskOpening opening;

	private final MediaFiles files;

	private final ObjectProvider<Transcripts> transcripts;

	FileTasks(TaskOpening opening, MediaFiles files, ObjectProvider<Transcripts> transcripts) {
		this.opening = opening;
		this.files = files;
		this.transcripts = transcripts;
	}

	/** Opens the tasks of every file of an accepted message with an approved transcript; whether any file has tasks. */
	boolean openAll(MessageSummary message) {
		boolean any = false;
		for (MediaFile file : files.forMessage(message.messageId())) {
			if (file.status() != MediaStatus.QUARANTINED) {
				any |= open(file.id(), message);
			}
		}
		return any;
	}

	/** Opens the tasks of one file if its message is accepted and its transcript approved; whether it has tasks. */
	boolean open(UUID fileId, MessageSummary message) {
		if (!accepted(message.status())) {
			return false;
		}
		Transcripts source = transcripts.getIfAvailable();
		if (source == null) {
			return false;
		}
		Transcript transcript;
		try {
			transcript = source.transcript(fileId);
		}
		catch (RecordNotFoundException ex) {
			return false;
		}
		return transcript.approved() && opening.openFile(transcript, message.reference());
	}

	static boolean accepted(MessageStatus status) {
		return status != MessageStatus.RECEIVED && status != MessageStatus.REJECTED;
	}

}
