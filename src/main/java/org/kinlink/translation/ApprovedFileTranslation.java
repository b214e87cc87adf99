package org.kinlink.translation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approved translation of one file of a message (the transcript of a scan, voice note or video) into a
 * target language, segment by segment with the original beside it and where each segment is in the file.
 */
public record ApprovedFileTranslation(UUID fileId, UUID messageId, String mediaKind, String sourceLanguage,
		String targetLanguage, List<Segment> segments, String translator, String reviewer, Instant approvedAt) {

	public ApprovedFileTranslation {
		segments = List.copyOf(segments);
	}

	/** The translation one segment per line. */
	public String text() {
		return String.join("\n", segments.stream().map(Segment::text).toList());
	}

	/** The original (the approved transcript) one segment per line. */
	public String original() {
		return String.join("\n", segments.stream().map(Segment::original).toList());
	}

	/** One segment: original, translation, and its cue timing (ms) or page; what does not apply is null. */
	public record Segment(String original, String text, Long startMs, Long endMs, Integer page) {
	}

}
