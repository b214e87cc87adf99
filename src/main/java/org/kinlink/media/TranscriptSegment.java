package org.kinlink.media;

/**
 * One segment of a transcript: a line or paragraph of a scan with its page and region (pixels of the PAGE or
 * WORKING image), or a cue of voice or video with its start and end in milliseconds. Fields that do not
 * apply are null.
 */
public record TranscriptSegment(int seq, String text, Integer page, Region region, Long startMs, Long endMs) {

	/** A rectangle on a page image, in pixels from the top left. */
	public record Region(int x, int y, int width, int height) {
	}

}
