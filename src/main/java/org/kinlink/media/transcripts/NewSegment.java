package org.kinlink.media.transcripts;

/**
 * A segment to store: a line of a scan (page and region, with the engine's confidence) or a cue of voice or
 * video (start and end in milliseconds). Fields that do not apply are null.
 */
public record NewSegment(String text, Integer page, Integer x, Integer y, Integer width, Integer height, Long startMs,
		Long endMs, Float confidence, SegmentSource source) {

	public static NewSegment line(String text, int page, int x, int y, int width, int height, float confidence) {
		return new NewSegment(text, page, x, y, width, height, null, null, confidence, SegmentSource.OCR);
	}

	public static NewSegment cue(String text, long startMs, long endMs, SegmentSource source) {
		return new NewSegment(text, null, null, null, null, null, startMs, endMs, null, source);
	}

	public static NewSegment typed(String text, Integer page) {
		return new NewSegment(text, page, null, null, null, null, null, null, null, SegmentSource.MANUAL);
	}

}
