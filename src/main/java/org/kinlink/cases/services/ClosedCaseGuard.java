package org.kinlink.cases.services;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.shared.web.IllegalTransitionException;

/** Nothing is added to or changed in a closed case: it must be reopened first. */
public final class ClosedCaseGuard {

	private ClosedCaseGuard() {
	}

	/** Refuses (409, with a message saying why) when the case is closed. */
	public static void requireOpen(CaseFile file) {
		if (!file.open()) {
			throw new IllegalTransitionException("caseservices.case.closed");
		}
	}

}
