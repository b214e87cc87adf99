package org.kinlink.translation.machine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A direction of translation an engine may serve: the source languages of letters and transcripts (Persian,
 * Dari, English, Albanian) into the target languages of tasks (Albanian, English). Written "fa-sq" in routes.
 */
record LanguagePair(String source, String target) {

	static final List<LanguagePair> ALL = List.of(new LanguagePair("fa", "sq"), new LanguagePair("fa", "en"),
			new LanguagePair("prs", "sq"), new LanguagePair("prs", "en"), new LanguagePair("en", "sq"),
			new LanguagePair("sq", "en"));

	static Optional<LanguagePair> of(String code) {
		return ALL.stream().filter(pair -> pair.code().equals(code)).findFirst();
	}

	static Optional<LanguagePair> of(String source, String target) {
		return of(source + "-" + target);
	}

	/** The pair as the route and the table name it, e.g. "fa-sq". */
	public String code() {
		return source + "-" + target;
	}

	/** The language's name in English, for the instructions to a chat model (e.g. "Persian", "Dari"). */
	static String englishName(String language) {
		return Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
	}

}
