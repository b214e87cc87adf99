package org.kinlink.media;

import java.util.List;
import java.util.UUID;

/** The text of one file in segments; approved transcripts are what translation works from. */
public record Transcript(UUID fileId, UUID messageId, MediaKind kind, String language, boolean approved,
		List<TranscriptSegment> segments) {
}
