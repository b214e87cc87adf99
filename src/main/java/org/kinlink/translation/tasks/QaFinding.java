package org.kinlink.translation.tasks;

/**
 * One thing the quality checks found in a segment (numbered from 1): an empty target blocks submission; the
 * others are warnings the translator may confirm. The detail names the numbers or names that are missing.
 */
public record QaFinding(int segment, Kind kind, String detail) {

	/** What is wrong with the segment. */
	public enum Kind {

		EMPTY, IDENTICAL, NUMBERS_MISSING, NAMES_MISSING;

		/** The message code that explains the finding to the translator. */
		public String messageCode() {
			return "translation.qa." + name();
		}

	}

	public boolean blocking() {
		return kind == Kind.EMPTY;
	}

}
