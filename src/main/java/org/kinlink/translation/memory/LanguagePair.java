package org.kinlink.translation.memory;

import java.util.Locale;

/** A source and a target language (primary subtags such as fa, prs, sq, en): the memory is kept per pair. */
record LanguagePair(String source, String target) {

	LanguagePair {
		source = primary(source);
		target = primary(target);
	}

	/** "fa>sq", as the audit trail and logs name a pair. */
	String label() {
		return source + ">" + target;
	}

	/** The primary language subtag of a tag such as "fa-IR" or "SQ_al", lower case. */
	static String primary(String tag) {
		if (tag == null) {
			return "";
		}
		String cleaned = tag.strip().replace('_', '-');
		int dash = cleaned.indexOf('-');
		return (dash < 0 ? cleaned : cleaned.substring(0, dash)).toLowerCase(Locale.ROOT);
	}

}
