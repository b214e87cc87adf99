package org.kinlink.translation.glossary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The add and edit form of a glossary entry: the pair (add only), kind, term, renderings one per line, note,
 * and the version read (edit only). Texts arrive normalised by the shared binding.
 */
record TermForm(String source, String target, String kind, String term, String renderings, String note,
		Integer version) {

	static TermForm empty(LanguagePair pair) {
		return new TermForm(pair.source(), pair.target(), TermKind.PLACE.name(), null, null, null, null);
	}

	static TermForm of(GlossaryTerm term) {
		return new TermForm(term.pair().source(), term.pair().target(), term.kind().name(), term.term(),
				String.join("\n", term.renderings()), term.note(), term.version());
	}

	TermKind kindOrNull() {
		return kind == null ? null : CsvGlossary.kind(kind).orElse(null);
	}

	TermDraft draft() {
		List<String> lines = renderings == null ? List.of() : Arrays.asList(renderings.split("\\R"));
		return TermRules.clean(kindOrNull(), term, lines, note);
	}

	/** The kind as the select list names it (its lower-case name). */
	public String kindName() {
		return kind == null ? "" : kind.toUpperCase(Locale.ROOT);
	}

}
