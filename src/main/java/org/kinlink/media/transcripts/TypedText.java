package org.kinlink.media.transcripts;

import jakarta.validation.constraints.NotBlank;

import org.kinlink.shared.text.SafeText;

/** The text of one segment as the editor sent it, checked like every other text people type. */
record TypedText(@NotBlank(message = "{transcripts.segment.required}")
		@SafeText(max = TranscriptController.MAX_TEXT, multiline = true) String text) {
}
