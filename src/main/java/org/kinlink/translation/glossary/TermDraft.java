package org.kinlink.translation.glossary;

import java.util.List;

/** A glossary entry as typed or imported, before it is checked: kind, source term, renderings, note. */
public record TermDraft(TermKind kind, String term, List<String> renderings, String note) {

	public TermDraft {
		renderings = renderings == null ? List.of() : List.copyOf(renderings);
	}

}
