package org.kinlink.people.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names brought to one written form before they are compared. Persian: Arabic yeh, alef maksura and kaf as
 * their Persian letters, teh marbuta as heh, hamza seats and alef forms unified, diacritics (harakat, shadda,
 * superscript alef) and tatweel dropped, ZWNJ joining the parts of a compound (امیر‌حسین as امیرحسین). Latin:
 * lower case, accents and apostrophes (ʿ ʼ ' ’) dropped, hyphens and dots as spaces. Digits and anything else
 * become spaces.
 */
public final class NameForms {

	private NameForms() {
	}

	/** The script a token is written in. */
	public enum Script {
		PERSIAN, LATIN
	}

	private static final Memo<String, List<String>> TOKENS = new Memo<>(200_000);

	/** Normalised tokens of a name, each in one script (a token mixing scripts is split where the script changes). */
	public static List<String> tokens(String name) {
		return name == null ? List.of() : TOKENS.get(name, NameForms::split);
	}

	private static List<String> split(String name) {
		List<String> tokens = new ArrayList<>();
		String text = Normalizer.normalize(name, Normalizer.Form.NFKD);
		StringBuilder token = new StringBuilder();
		Script current = null;
		for (int i = 0; i < text.length(); i++) {
			char c = persianLetter(text.charAt(i));
			if (c == 0) {
				continue; // dropped: diacritics, tatweel, ZWNJ, apostrophes
			}
			Script script = script(c);
			if (script == null) {
				flush(tokens, token);
				current = null;
				continue;
			}
			if (current != null && script != current) {
				flush(tokens, token);
			}
			current = script;
			token.append(script == Script.LATIN ? Character.toLowerCase(c) : c);
		}
		flush(tokens, token);
		return List.copyOf(tokens);
	}

	public static Script script(String token) {
		return token.isEmpty() ? Script.LATIN : script(token.charAt(0));
	}

	private static Script script(char c) {
		if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return Script.LATIN;
		}
		if (c >= '\u0621' && c <= '\u06FF' && Character.isLetter(c)) {
			return Script.PERSIAN;
		}
		return null;
	}

	/** The letter as compared, 0 to drop it, or the character itself. */
	private static char persianLetter(char c) {
		if (Character.getType(c) == Character.NON_SPACING_MARK) {
			return 0; // Latin accents after NFKD, harakat, shadda, superscript alef
		}
		return switch (c) {
			case '\u0640', '\u200C', '\u200D', '\u200F', '\u200E', '\'', '\u2019', '\u02BC', '\u02BF', '\u02BE', '`' -> 0;
			case '\u064A', '\u0649' -> '\u06CC'; // Arabic yeh, alef maksura -> Persian yeh
			case '\u0643' -> '\u06A9'; // Arabic kaf -> keheh
			case '\u0629', '\u06C0', '\u06D5' -> '\u0647'; // teh marbuta, heh with yeh above, ae -> heh
			case '\u0623', '\u0625', '\u0671' -> '\u0627'; // alef with hamza above or below, alef wasla -> alef
			case '\u0624' -> '\u0648'; // waw with hamza -> waw
			case '\u0626' -> '\u0621'; // yeh with hamza -> hamza (a vowel seat: رئیسی, رضائی)
			case '\u0131' -> 'i'; // dotless i
			case '\u00DF' -> 's';
			default -> c;
		};
	}

	private static void flush(List<String> tokens, StringBuilder token) {
		if (!token.isEmpty()) {
			tokens.add(token.toString().toLowerCase(Locale.ROOT));
			token.setLength(0);
		}
	}

}
