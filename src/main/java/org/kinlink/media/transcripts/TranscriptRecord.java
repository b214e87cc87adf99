package org.kinlink.media.transcripts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kinlink.shared.web.IllegalTransitionException;

/**
 * A file's transcript with its rules: staff edit a DRAFT; approving needs at least one segment and makes it
 * read-only (APPROVED) until someone reopens it explicitly. {@code version} guards against lost updates.
 */
public record TranscriptRecord(UUID fileId, String language, State state, EngineState engineState, boolean edited,
		int version, String approvedBy, Instant approvedAt, List<StoredSegment> segments) {

	/** DRAFT while staff correct it; APPROVED for translation. */
	public enum State {

		DRAFT, APPROVED

	}

	TranscriptRecord with(List<StoredSegment> newSegments) {
		return new TranscriptRecord(fileId, language, state, engineState, edited, version, approvedBy, approvedAt,
				List.copyOf(newSegments));
	}

	public boolean approved() {
		return state == State.APPROVED;
	}

	/** Refuses a change to an approved transcript. */
	void requireDraft() {
		if (approved()) {
			throw new IllegalTransitionException("transcripts.error.approved");
		}
	}

	void requireApprovable() {
		requireDraft();
		if (segments.isEmpty() || segments.stream().allMatch(s -> s.text() == null || s.text().isBlank())) {
			throw new IllegalTransitionException("transcripts.error.emptyApproval");
		}
	}

	void requireReopenable() {
		if (!approved()) {
			throw new IllegalTransitionException();
		}
	}

	/** Whether a machine may put its reading in place of this transcript without being asked to. */
	boolean replaceableByEngine() {
		return !approved() && !edited;
	}

}
