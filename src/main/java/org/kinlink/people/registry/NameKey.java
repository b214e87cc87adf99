package org.kinlink.people.registry;

import java.text.Normalizer;
import java.util.Locale;

import org.kinlink.shared.text.PersianText;

/**
 * A name reduced to what matters for finding it: Persian letter variants unified (yeh, kaf, alef forms,
 * heh and teh marbuta), diacritics and ZWNJ dropped, Latin accents removed, lower case, digits in Latin,
 * punctuation as single spaces. Two spellings that differ only in these ways get the same key.
 */
final class NameKey {

	private NameKey() {
	}

	static String of(String name) {
		if (name == null) {
			return "";
		}
		String text = Normalizer.normalize(PersianText.latinDigits(PersianText.normalize(name)), Normalizer.Form.NFKD);
		StringBuilder out = new StringBuilder(text.length());
		boolean space = true;
		for (int i = 0; i < text.length(); i++) {
			char c = unify(text.charAt(i));
			if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\u200C' || c == '\u0640') {
				continue;
			}
			if (Character.isLetterOrDigit(c)) {
				out.append(Character.toLowerCase(c));
				space = false;
			}
			else if (!space) {
				out.append(' ');
				space = true;
			}
		}
		return out.toString().strip().toLowerCase(Locale.ROOT);
	}

	private static char unify(char c) {
		return switch (c) {
			case '\u064A', '\u0649' -> '\u06CC'; // Arabic yeh, alef maksura -> Persian yeh
			case '\u0643' -> '\u06A9'; // Arabic kaf -> keheh
			case '\u0629', '\u06D5' -> '\u0647'; // teh marbuta, ae -> heh
			case '\u0671' -> '\u0627'; // alef wasla -> alef
			default -> c;
		};
	}

}
