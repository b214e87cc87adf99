package org.kinlink.media.transcripts;

import jakarta.validation.constraints.NotBlank;

import org.kinlink.shared.text.SafeText;

/** A cue typed by hand: start and end as mm:ss.mmm and its text; version is the transcript's as shown. */
record CueForm(@NotBlank(message = "{transcripts.cue.badTime}") @SafeText(max = 12) String start,
		@NotBlank(message = "{transcripts.cue.badTime}") @SafeText(max = 12) String end,
		@NotBlank(message = "{transcripts.segment.required}") @SafeText(max = TranscriptController.MAX_TEXT, multiline = true) String text,
		int version) {
}
