package org.kinlink.translation.tasks;

import java.util.EnumSet;
import java.util.Set;

/**
 * One thing the quality checks found in a segment (numbered from 1): a blocking finding keeps the translation
 * from being submitted; the others are warnings the translator may confirm. Which kinds block is configured
 * (kinlink.translation.qa.blocking, by default an empty target and bidi control characters, see
 * {@link QaChecks.Policy}). The detail names what is missing or wrong (numbers, names, terms, characters).
 */
public record QaFinding(int segment, Kind kind, String detail, boolean blocking) {

	/** A finding that blocks or warns as its kind does by default. */
	public QaFinding(int segment, Kind kind, String detail) {
		this(segment, kind, detail, kind.blockingByDefault());
	}

	/** What is wrong with the segment. */
	public enum Kind {

		/** No translation. */
		EMPTY,
		/** The translation is the source copied. */
		IDENTICAL,
		/** Numbers of the source are missing (Persian and Latin digits read as the same number). */
		NUMBERS_MISSING,
		/** Words in Latin script of the source (names, terms kept as written) are missing. */
		NAMES_MISSING,
		/** The translation is still (mostly) in the source's script. */
		UNTRANSLATED,
		/** Brackets or quotation marks open or close differently from the source. */
		UNBALANCED,
		/** Bidi control characters (U+200E/F, U+202A-202E, U+2066-2069, U+061C) in the translation. */
		BIDI_CONTROLS,
		/** Glossary terms of the source whose renderings the translation does not use. */
		TERMS_MISSING,
		/** The person the message is for is named in the source but not with their registered Latin spelling. */
		NAME_SPELLING;

		/** The kinds that block unless configured otherwise, as the property names them. */
		public static final String DEFAULT_BLOCKING = "EMPTY,BIDI_CONTROLS";

		private static final Set<Kind> BLOCKING_BY_DEFAULT = parse(DEFAULT_BLOCKING);

		private static final Set<Kind> FIRST = EnumSet.of(EMPTY, IDENTICAL, NUMBERS_MISSING, NAMES_MISSING);

		/** The message code that explains the finding to the translator: {0} the segment, {1} the detail. */
		public String messageCode() {
			return FIRST.contains(this) ? "translation.qa." + name() : "qa." + name();
		}

		public boolean blockingByDefault() {
			return BLOCKING_BY_DEFAULT.contains(this);
		}

		/** The kinds of a comma-separated list of names (case ignored); an unknown name is an error. */
		public static Set<Kind> parse(String names) {
			Set<Kind> kinds = EnumSet.noneOf(Kind.class);
			for (String name : names.split(",")) {
				if (!name.isBlank()) {
					kinds.add(valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
				}
			}
			return kinds;
		}

	}

	/** The same finding, blocking or a warning as given. */
	public QaFinding withBlocking(boolean block) {
		return block == blocking ? this : new QaFinding(segment, kind, detail, block);
	}

}
