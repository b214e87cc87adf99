package org.kinlink.people.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Persian names in the Latin letters families, passports and authorities use, with every ambiguity kept as
 * alternatives instead of a guess: و is v, u, ou, oo or o; ی is y, i, ee, ei or ey; غ and ق are gh or q; a
 * final ه is eh or e; ع is an apostrophe or nothing. Short vowels, which Persian does not write, are shown as
 * "·" where a consonant follows a consonant. For staff reading a Persian name they cannot read, and for the
 * documentation of the scorer; matching itself works on sounds ({@link Sounds}), not on these strings.
 */
public final class Transliteration {

	private Transliteration() {
	}

	/** Each part of the name as a pattern such as {@code m·h·m[u|ou|oo|o|v]d}; Latin parts stay as written. */
	public static String pattern(String name) {
		List<String> parts = new ArrayList<>();
		for (String token : NameForms.tokens(name)) {
			parts.add(NameForms.script(token) == NameForms.Script.PERSIAN ? persian(token) : token);
		}
		return String.join(" ", parts);
	}

	private static String persian(String token) {
		StringBuilder out = new StringBuilder();
		boolean previousConsonant = false;
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			boolean last = i == token.length() - 1;
			String letters = switch (c) {
				case 'ا' -> i == 0 ? "[a|e|o]" : "a";
				case 'آ' -> "a";
				case 'ب' -> "b";
				case 'پ' -> "p";
				case 'ت', 'ط' -> "t";
				case 'ث', 'س', 'ص' -> "s";
				case 'ج' -> "j";
				case 'چ' -> "ch";
				case 'ح' -> "h";
				case 'خ' -> "kh";
				case 'د' -> "d";
				case 'ذ', 'ز', 'ض', 'ظ' -> "z";
				case 'ر' -> "r";
				case 'ژ' -> "zh";
				case 'ش' -> "sh";
				case 'ع', 'ء' -> "[']";
				case 'غ', 'ق' -> "[gh|q]";
				case 'ف' -> "f";
				case 'ک' -> "k";
				case 'گ' -> "g";
				case 'ل' -> "l";
				case 'م' -> "m";
				case 'ن' -> "n";
				case 'و' -> i == 0 ? "v" : "[u|ou|oo|o|v]";
				case 'ه' -> last && i > 0 ? "[eh|e]" : "h";
				case 'ی' -> i == 0 ? "y" : last ? "[i|y|ee]" : "[i|ee|ei|ey|y]";
				default -> "";
			};
			boolean consonant = !letters.isEmpty() && !"a".equals(letters) && !letters.startsWith("[a") && !letters.startsWith("[u")
					&& !letters.startsWith("[e") && !letters.startsWith("[i") && !letters.startsWith("['");
			if (previousConsonant && consonant) {
				out.append('·');
			}
			out.append(letters);
			previousConsonant = consonant;
		}
		return out.toString();
	}

}
