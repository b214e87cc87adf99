package org.kinlink.translation.tasks;

import java.util.List;

/**
 * The outcome of submitting a translation: submitted, or kept in progress (the draft saved) because QA found
 * a blocking problem or warnings the translator has not yet confirmed.
 */
public record Submission(boolean submitted, List<QaFinding> findings) {

	public boolean blocked() {
		return findings.stream().anyMatch(QaFinding::blocking);
	}

}
