package org.kinlink.translation.glossary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a glossary (INTERNAL data: names of places and institutions and recurring terms, never personal
 * data): the source term, its accepted renderings in the target language, its kind and an optional note.
 */
public record GlossaryTerm(UUID id, LanguagePair pair, TermKind kind, String term, List<String> renderings,
		String note, int version, String updatedBy, Instant updatedAt) {

	public GlossaryTerm {
		renderings = List.copyOf(renderings);
	}

	/** The key the term is unique by within its pair (see {@link MatchText#key}). */
	public String key() {
		return MatchText.key(term);
	}

}
