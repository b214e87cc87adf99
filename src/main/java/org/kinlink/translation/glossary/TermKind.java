package org.kinlink.translation.glossary;

/** What a glossary entry names: a place, an institution, or a recurring term. */
public enum TermKind {

	PLACE, INSTITUTION, TERM

}
