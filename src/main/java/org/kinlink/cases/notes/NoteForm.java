package org.kinlink.cases.notes;

import jakarta.validation.constraints.NotBlank;

import org.kinlink.shared.text.SafeText;

/** A new note. */
record NoteForm(@NotBlank @SafeText(max = 8000, multiline = true) String body) {

	static NoteForm empty() {
		return new NoteForm(null);
	}

}
