package org.kinlink.shared.text;

import java.text.Normalizer;

/**
 * Brings text to one form before it is stored or compared: NFC, Arabic letter variants mapped to their
 * Persian forms (yeh, kaf, heh with hamza stays), Arabic-Indic and Persian digits kept as typed, line breaks
 * unified, outer white space trimmed.
 */
public final class PersianText {

	private PersianText() {
	}

	public static String normalize(String input) {
		if (input == null) {
			return null;
		}
		String text = Normalizer.normalize(input, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\u064A', '\u0649' -> out.append('\u06CC'); // Arabic yeh and alef maksura -> Persian yeh
				case '\u0643' -> out.append('\u06A9'); // Arabic kaf -> keheh
				case '\r' -> {
					if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
						out.append('\n');
					}
				}
				default -> out.append(c);
			}
		}
		return out.toString().strip();
	}

	/** Latin digits for a string that may be typed with Persian or Arabic-Indic digits. */
	public static String latinDigits(String input) {
		if (input == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(input.length());
		input.codePoints().forEach(c -> {
			if (c >= '\u06F0' && c <= '\u06F9') {
				out.append((char) ('0' + c - '\u06F0'));
			}
			else if (c >= '\u0660' && c <= '\u0669') {
				out.append((char) ('0' + c - '\u0660'));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

}
