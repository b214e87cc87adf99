package org.kinlink.translation.tasks;

import java.util.Comparator;
import java.util.List;

/**
 * A proposed translation of one segment (numbered from 1): from the translation memory (score 0 to 100, 100
 * for an exact match, with the memory's source and its differences from this segment's source) or from a
 * machine-translation engine (labelled with the engine's name, no score). The translator decides; nothing is
 * inserted without them.
 */
public record Suggestion(int segment, Origin origin, String text, int score, String label, String matchedSource,
		List<DiffPart> sourceDiff) {

	static final Comparator<Suggestion> BEST_FIRST = Comparator.comparing(Suggestion::origin)
		.thenComparing(Comparator.comparingInt(Suggestion::score).reversed());

	public Suggestion {
		sourceDiff = sourceDiff == null ? List.of() : List.copyOf(sourceDiff);
	}

	/** Where a suggestion comes from; also recorded as the provenance of a target that used it. */
	public enum Origin {
		MEMORY, MACHINE
	}

	public boolean exact() {
		return origin == Origin.MEMORY && score == 100;
	}

	/** A run of text of the memory's source compared with the segment's source. */
	public record DiffPart(String text, Change change) {

		public enum Change {
			SAME, INSERTED, DELETED
		}

	}

}
