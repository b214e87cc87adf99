package org.kinlink.translation.tasks;

import java.util.List;

/**
 * What happened to one segment's target (numbered from 1): its revision (for the optimistic check of the
 * editor's autosave), its provenance, the translator's version when a reviewer edited it, and the reviewer's
 * mark and note. Opened for a reader who may see the task.
 */
public record SegmentTrail(int number, int revision, TargetOrigin origin, String translatorVersion, ReviewMark mark,
		String note) {

	/** The trail of a segment nobody touched yet. */
	static SegmentTrail untouched(int number) {
		return new SegmentTrail(number, 0, null, null, null, null);
	}

	/** Whether a reviewer changed the translator's text (the translator's version is kept). */
	public boolean editedByReviewer() {
		return translatorVersion != null;
	}

	public boolean queried() {
		return mark == ReviewMark.QUERIED;
	}

	public boolean accepted() {
		return mark == ReviewMark.ACCEPTED;
	}

	/** The reviewer's changes to the translator's version, word by word, against the current target. */
	public List<Suggestion.DiffPart> changes(String current) {
		return editedByReviewer() ? WordDiff.between(translatorVersion, current) : List.of();
	}

}
