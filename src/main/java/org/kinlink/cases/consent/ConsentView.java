package org.kinlink.cases.consent;

import java.util.List;

import org.kinlink.cases.DisclosureLevel;

/**
 * What the consent panel shows one reader: everyone who sees the case sees the current level; the caseworker
 * of record and the team's supervisors ({@code restricted}) also see the current decision and the history
 * with its opened details.
 */
record ConsentView(DisclosureLevel level, boolean restricted, boolean supervisor, LegalBasis current,
		List<Entry> history) {

	/** A decision with its opened details. */
	record Entry(LegalBasis basis, ConsentDetails details) {
	}

	static ConsentView levelOnly(DisclosureLevel level) {
		return new ConsentView(level, false, false, null, List.of());
	}

}
