package org.kinlink.translation.glossary;

import java.util.List;
import java.util.Optional;

/**
 * The languages a glossary translates from and into: the letters' languages (Persian, Dari, English,
 * Albanian) into the languages of the translations (Albanian, English), never a language into itself.
 */
public record LanguagePair(String source, String target) {

	public static final List<String> SOURCES = List.of("fa", "prs", "en", "sq");

	public static final List<String> TARGETS = List.of("sq", "en");

	/** The pair, if both codes are known and differ. */
	public static Optional<LanguagePair> of(String source, String target) {
		if (source == null || target == null) {
			return Optional.empty();
		}
		String from = source.strip().toLowerCase(java.util.Locale.ROOT);
		String to = target.strip().toLowerCase(java.util.Locale.ROOT);
		if (!SOURCES.contains(from) || !TARGETS.contains(to) || from.equals(to)) {
			return Optional.empty();
		}
		return Optional.of(new LanguagePair(from, to));
	}

	/** Every pair a glossary may have, Persian to Albanian first. */
	public static List<LanguagePair> all() {
		return SOURCES.stream()
			.flatMap(s -> TARGETS.stream().filter(t -> !t.equals(s)).map(t -> new LanguagePair(s, t)))
			.toList();
	}

}
