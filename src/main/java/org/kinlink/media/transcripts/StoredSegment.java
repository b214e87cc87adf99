package org.kinlink.media.transcripts;

import org.kinlink.media.TranscriptSegment;

/** A segment as stored, with its text opened: what the editor shows. */
public record StoredSegment(int seq, String text, Integer page, Integer x, Integer y, Integer width, Integer height,
		Long startMs, Long endMs, Float confidence, SegmentSource source) {

	public boolean hasRegion() {
		return x != null && y != null && width != null && height != null;
	}

	/** The engine's confidence rounded to a whole percent, or null for typed segments. */
	public Integer confidencePercent() {
		return confidence == null ? null : Math.round(confidence);
	}

	public boolean isCue() {
		return startMs != null && endMs != null;
	}

	TranscriptSegment toApi() {
		return new TranscriptSegment(seq, text, page, hasRegion() ? new TranscriptSegment.Region(x, y, width, height) : null,
				startMs, endMs);
	}

}
