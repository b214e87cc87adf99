package org.kinlink.translation.tasks;

import java.util.List;

/**
 * A glossary term found in a segment's source (numbered from 1), at [start, end) of the source text as stored,
 * with the renderings the glossary gives for the target language and an optional note.
 */
public record TermHit(int segment, int start, int end, String term, List<String> renderings, String note) {

	public TermHit {
		renderings = List.copyOf(renderings);
	}

}
