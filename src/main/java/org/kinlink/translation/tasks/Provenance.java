package org.kinlink.translation.tasks;

/**
 * Where a segment's target came from: typed by the translator, taken from the translation memory (with its
 * score), from a machine-translation engine (with its name), or edited by the reviewer. A typed target of an
 * Albanian task in a pivot chain was typed through the English translation (the task says which).
 */
public enum Provenance {

	TYPED, MEMORY, MACHINE, REVIEWER;

	static Provenance of(Suggestion.Origin origin) {
		return origin == Suggestion.Origin.MEMORY ? MEMORY : MACHINE;
	}

}
