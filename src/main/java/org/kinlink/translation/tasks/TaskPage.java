package org.kinlink.translation.tasks;

import java.util.List;

/**
 * What a reader may see of one task: the translator edits it while it is in progress and reads it
 * afterwards; a reviewer who is not its translator reviews it while it awaits review. Each segment has its
 * trail (revision, provenance, reviewer's edit and mark); the chain links an Albanian task to its English pivot.
 */
public record TaskPage(TranslationTask task, Mode mode, List<TaskSegment> segments, boolean pivotAvailable,
		List<ReviewComment> comments, List<SegmentTrail> trails, PivotChain chain) {

	public TaskPage(TranslationTask task, Mode mode, List<TaskSegment> segments, boolean pivotAvailable,
			List<ReviewComment> comments) {
		this(task, mode, segments, pivotAvailable, comments, List.of(), PivotChain.NONE);
	}

	public TaskPage {
		trails = List.copyOf(trails);
		chain = chain == null ? PivotChain.NONE : chain;
	}

	/** How the page is shown to this reader. */
	public enum Mode {
		EDIT, READ, REVIEW
	}

	/** The trail of the segment numbered from 1. */
	public SegmentTrail trail(int number) {
		return number >= 1 && number <= trails.size() && trails.get(number - 1).number() == number
				? trails.get(number - 1)
				: trails.stream().filter(t -> t.number() == number).findFirst().orElse(SegmentTrail.untouched(number));
	}

	/** Whether any segment is queried by the reviewer. */
	public boolean anyQueried() {
		return trails.stream().anyMatch(SegmentTrail::queried);
	}

}
