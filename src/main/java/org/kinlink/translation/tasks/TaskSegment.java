package org.kinlink.translation.tasks;

/**
 * One sentence of the letter, or one segment of a file's transcript (numbered from 1), and its translation,
 * opened for a reader who may see it; the pivot is the English translation of the same sentence when the
 * Albanian translator may work through it; the place says where a file's segment is (null for typed text).
 */
public record TaskSegment(int number, String source, String target, String pivot, Place place) {

	TaskSegment(int number, String source, String target) {
		this(number, source, target, null, null);
	}

	TaskSegment(int number, String source, String target, Place place) {
		this(number, source, target, null, place);
	}

	TaskSegment withPivot(String english) {
		return new TaskSegment(number, source, target, english, place);
	}

	/** Whether this segment is a timed cue. */
	public boolean timed() {
		return place != null && place.startMs() != null && place.endMs() != null;
	}

	/** Whether this segment is a line on a page of a scan. */
	public boolean onPage() {
		return place != null && place.page() != null && place.width() != null && place.width() > 0
				&& place.height() != null && place.height() > 0;
	}

	/**
	 * Where a segment is in its file: start and end in milliseconds for a cue; page (from 1) and a rectangle in
	 * pixels of the page image for a line of a scan. Fields that do not apply are null.
	 */
	public record Place(Long startMs, Long endMs, Integer page, Integer x, Integer y, Integer width, Integer height) {

		/** The start as m:ss (or h:mm:ss), as the editor shows it beside a cue. */
		public String start() {
			return clock(startMs);
		}

		public String end() {
			return clock(endMs);
		}

		/** An SVG viewBox around the region with a margin, so the line shows in its context. */
		public String viewBox() {
			int margin = Math.max(8, height / 2);
			return Math.max(0, x - margin) + " " + Math.max(0, y - margin) + " " + (width + 2 * margin) + " "
					+ (height + 2 * margin);
		}

		static String clock(Long ms) {
			if (ms == null) {
				return "";
			}
			long seconds = ms / 1000;
			long h = seconds / 3600;
			long m = (seconds % 3600) / 60;
			long s = seconds % 60;
			return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
		}

	}

}
