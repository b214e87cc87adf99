package org.kinlink.media.transcripts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.kinlink.shared.text.SafeText;

/** A line of a scan typed by hand: the page it is on and its text; version is the transcript's as shown. */
record LineForm(@NotNull @Min(1) @Max(10_000) Integer page,
		@NotBlank(message = "{transcripts.segment.required}") @SafeText(max = TranscriptController.MAX_TEXT, multiline = true) String text,
		int version) {
}
