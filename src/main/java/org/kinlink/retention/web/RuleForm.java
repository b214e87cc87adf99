package org.kinlink.retention.web;

import org.kinlink.shared.text.SafeText;

/**
 * The form of one category's rule: keep, or a period as a number (any digits, Persian included) and a unit.
 * The number is text so that a wrong entry gets a clear message instead of a type error.
 */
record RuleForm(@SafeText(max = 20) String amount, String unit, Boolean keep, Integer version) {

	/** The box "keep without a time limit" was ticked (an unticked box sends nothing). */
	public boolean keeps() {
		return Boolean.TRUE.equals(keep);
	}

}
