package org.kinlink.translation.web;

import jakarta.validation.constraints.NotNull;

import org.kinlink.shared.text.SafeText;
import org.kinlink.translation.tasks.ReviewMark;

/**
 * A reviewer's work on one segment: the text as the reviewer wants it (the translator's version is kept), the
 * mark (accepted or queried), a note (needed for a query) and the revision the page showed.
 */
record SegmentReviewForm(@SafeText(max = EditorForm.MAX_SEGMENT_LENGTH, multiline = true) String target,
		@NotNull ReviewMark mark, @SafeText(max = 2000, multiline = true) String note, @NotNull Integer revision) {

	/** A query tells the translator what is wrong (checked by the controller, which names the field). */
	boolean lacksNote() {
		return mark == ReviewMark.QUERIED && (note == null || note.isBlank());
	}

}
