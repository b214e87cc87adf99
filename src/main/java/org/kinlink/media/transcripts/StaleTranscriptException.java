package org.kinlink.media.transcripts;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/** Someone else saved the transcript since the editor was opened: nothing was saved, the editor must be reloaded. */
public class StaleTranscriptException extends KinlinkException {

	public StaleTranscriptException() {
		super("transcripts.error.stale");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

}
