package org.kinlink.reporting;

import org.kinlink.cases.CaseStatistics;

/**
 * The one rule against singling anyone out, for pages and exports alike: a count from 1 to
 * {@code MIN_COUNT - 1} is never shown as a number but as "fewer than 5", and an income figure of fewer than
 * {@code MIN_COUNT} people (a median of one is that person's income) is withheld. Zero is shown: it points
 * at nobody.
 */
final class SmallCounts {

	static final int THRESHOLD = CaseStatistics.MIN_COUNT;

	private SmallCounts() {
	}

	/** Whether this count must be shown as "fewer than 5". */
	static boolean hidden(long count) {
		return count > 0 && count < THRESHOLD;
	}

	/** Whether figures about what these people earn must be withheld. */
	static boolean withholdsIncome(long people) {
		return people < THRESHOLD;
	}

}
