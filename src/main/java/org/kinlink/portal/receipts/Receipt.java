package org.kinlink.portal.receipts;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kinlink.shared.text.PersianText;

/**
 * A family's receipt: 20 random decimal digits, the only way back to their letter (S1). Typed input may use
 * Persian or Arabic-Indic digits, spaces and dashes. Its text never goes into logs: toString hides it.
 */
public final class Receipt {

	public static final int LENGTH = 20;

	private static final int MAX_INPUT = 100;

	private final String digits;

	private Receipt(String digits) {
		this.digits = digits;
	}

	public static Receipt generate(SecureRandom random) {
		StringBuilder digits = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			digits.append((char) ('0' + random.nextInt(10)));
		}
		return new Receipt(digits.toString());
	}

	/** The receipt a person typed, or empty when it is not 20 digits once spaces and dashes are gone. */
	public static Optional<Receipt> parse(String input) {
		if (input == null || input.length() > MAX_INPUT) {
			return Optional.empty();
		}
		StringBuilder digits = new StringBuilder(LENGTH);
		for (int c : PersianText.latinDigits(input).codePoints().toArray()) {
			if (c >= '0' && c <= '9') {
				digits.append((char) c);
			}
			else if (!isSeparator(c)) {
				return Optional.empty();
			}
		}
		return digits.length() == LENGTH ? Optional.of(new Receipt(digits.toString())) : Optional.empty();
	}

	private static boolean isSeparator(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.DASH_PUNCTUATION
				|| c == '\u2212' || c == '\u200C' || c == '\u200F' || c == '\u200E';
	}

	public String digits() {
		return digits;
	}

	/** Five groups of four digits, the way the receipt is shown and written down. */
	public List<String> groups() {
		List<String> groups = new ArrayList<>(LENGTH / 4);
		for (int i = 0; i < LENGTH; i += 4) {
			groups.add(digits.substring(i, i + 4));
		}
		return groups;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Receipt that && java.security.MessageDigest.isEqual(
				digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII), that.digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

	@Override
	public int hashCode() {
		return digits.hashCode();
	}

	@Override
	public String toString() {
		return "Receipt[hidden]";
	}

}
