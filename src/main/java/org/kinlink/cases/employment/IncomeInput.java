package org.kinlink.cases.employment;

import java.util.regex.Pattern;

import org.kinlink.shared.text.PersianText;

/**
 * A monthly income as staff type it: whole euros, in Latin, Persian or Arabic digits, optionally grouped by
 * spaces, commas or the Persian thousands separator. Cents, signs and words are
 * refused rather than guessed.
 */
final class IncomeInput {

	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([ ,\u066C\u00A0]\\d{3})*|\\d+");

	private IncomeInput() {
	}

	/** The amount, or null when the text is not a whole number of euros from 0 to 1,000,000. */
	static Integer parse(String text) {
		String latin = PersianText.latinDigits(text.strip());
		if (!GROUPED.matcher(latin).matches()) {
			return null;
		}
		String digits = latin.replaceAll("[^0-9]", "");
		if (digits.length() > 7) {
			return null;
		}
		int value = Integer.parseInt(digits);
		return value > Employment.MAX_INCOME ? null : value;
	}

}
