package org.kinlink.cases.services;

/** What came of a completed service. */
public enum ServiceOutcome {
	ACHIEVED, PARTLY_ACHIEVED, NOT_ACHIEVED
}
