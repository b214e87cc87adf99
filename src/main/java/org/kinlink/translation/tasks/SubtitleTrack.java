package org.kinlink.translation.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * The cues of a voice note or video in one language, written as WebVTT or SubRip. In a right-to-left track
 * (Persian), a line that does not begin and end with a right-to-left letter (it starts with a Latin name, a
 * number or a quote, or ends with punctuation) is wrapped in RIGHT-TO-LEFT MARKs, so that players which lay
 * a cue out left to right still show it in the right order; other lines are left as written.
 */
public record SubtitleTrack(String language, boolean rightToLeft, List<Cue> cues) {

	public SubtitleTrack {
		cues = List.copyOf(cues);
	}

	private static final char RLM = '\u200F';

	/** One cue: from, to (milliseconds) and text (lines separated by line breaks). */
	public record Cue(long startMs, long endMs, String text) {
	}

	/** The track as WebVTT (text/vtt): HH:MM:SS.mmm timings, &amp;, &lt; and &gt; escaped. */
	public String webVtt() {
		StringBuilder out = new StringBuilder("WEBVTT\n\n");
		int number = 1;
		for (Cue cue : usable()) {
			out.append(number++).append('\n')
				.append(timestamp(cue.startMs(), '.')).append(" --> ").append(timestamp(cue.endMs(), '.')).append('\n');
			for (String line : lines(cue.text())) {
				out.append(line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append('\n');
			}
			out.append('\n');
		}
		return out.toString();
	}

	/** The track as SubRip (.srt): numbered cues, HH:MM:SS,mmm timings, CRLF line ends as most players expect. */
	public String srt() {
		StringBuilder out = new StringBuilder();
		int number = 1;
		for (Cue cue : usable()) {
			out.append(number++).append("\r\n")
				.append(timestamp(cue.startMs(), ',')).append(" --> ").append(timestamp(cue.endMs(), ',')).append("\r\n");
			for (String line : lines(cue.text())) {
				out.append(line).append("\r\n");
			}
			out.append("\r\n");
		}
		return out.toString();
	}

	/** Cues with text and a positive duration, in order of start. */
	private List<Cue> usable() {
		return cues.stream()
			.filter(cue -> cue.text() != null && !cue.text().isBlank() && cue.startMs() >= 0 && cue.endMs() > cue.startMs())
			.sorted(java.util.Comparator.comparingLong(Cue::startMs))
			.toList();
	}

	/** The non-blank lines of a cue's text (a blank line would end the cue early), marked if right to left. */
	private List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		for (String line : text.strip().split("\\R")) {
			String stripped = line.strip();
			if (!stripped.isEmpty()) {
				lines.add(rightToLeft && needsMarks(stripped) ? RLM + stripped + RLM : stripped);
			}
		}
		return lines;
	}

	/** Whether a line of a right-to-left track begins or ends with something that is not a right-to-left letter. */
	static boolean needsMarks(String line) {
		return !isRightToLeftLetter(line.codePointAt(0)) || !isRightToLeftLetter(line.codePointBefore(line.length()));
	}

	private static boolean isRightToLeftLetter(int codePoint) {
		byte direction = Character.getDirectionality(codePoint);
		return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
				|| direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
	}

	static String timestamp(long ms, char separator) {
		long hours = ms / 3_600_000;
		long minutes = ms / 60_000 % 60;
		long seconds = ms / 1000 % 60;
		return String.format("%02d:%02d:%02d%c%03d", hours, minutes, seconds, separator, ms % 1000);
	}

}
