package org.kinlink.translation.tasks;

import java.util.List;

/**
 * What a reader may see of one task: the translator edits it while it is in progress and reads it
 * afterwards; a reviewer who is not its translator reviews it while it awaits review.
 */
public record TaskPage(TranslationTask task, Mode mode, List<TaskSegment> segments, boolean pivotAvailable,
		List<ReviewComment> comments) {

	/** How the page is shown to this reader. */
	public enum Mode {
		EDIT, READ, REVIEW
	}

}
