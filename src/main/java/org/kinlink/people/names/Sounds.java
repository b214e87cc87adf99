package org.kinlink.people.names;

/**
 * A name token as a sequence of sound symbols that Persian and Latin spellings share. Consonants that Persian
 * writes with several letters but says alike are one symbol (ث س ص: s; ذ ز ض ظ: z; ت ط: t; ح ه: h; غ ق: q, as
 * gh and q are in Latin); kh, sh, ch, zh are one symbol each. Persian vowel letters keep their ambiguity: ا
 * (long a; at the start of a word any vowel), و (v, u, o, ou, oo), ی (y, i, ee, ei, ey), a final ه (e, eh),
 * ع and ء (a glottal stop, written as a vowel, an apostrophe or not at all), a final ه with ای (-ei). Short vowels, which Persian does
 * not write, appear only on the Latin side. Latin doubled letters count once (Persian leaves the shadda out).
 * <p>
 * Symbols: consonants b p t s j c(ch) h x(kh) d z r Z(zh) S(sh) q(gh, q) f k g l m n v y; Persian vowel
 * letters A W Y E, @ (word-initial alef), G (glottal); Latin vowels a e i o u, U (ou, oo), I (ee, ii), J (ei,
 * ey, ai, ay before a consonant or at the end).
 */
public final class Sounds {

	private Sounds() {
	}

	private static final Memo<String, String> SOUNDS = new Memo<>(100_000);

	public static String of(String token) {
		return SOUNDS.get(token, t -> NameForms.script(t) == NameForms.Script.PERSIAN ? persian(t) : latin(t));
	}

	static String persian(String token) {
		StringBuilder out = new StringBuilder(token.length());
		// a final heh with the suffix ای (خامنه‌ای, Khamenei): said -ei, -ey or -i
		int end = token.length() > 3 && token.endsWith("های") ? token.length() - 3 : token.length();
		// a final یی (رضایی: Rezaei, Rezayi, Rezaee) is one sound in every romanisation
		if (end == token.length() && token.length() > 2 && token.endsWith("یی")) {
			end--;
		}
		// الله ending a compound (عزت‌الله, روح‌الله) is said -ollah: its alef is no long a
		int allah = token.length() > 4 && token.endsWith("الله") ? token.length() - 4 : -1;
		for (int i = 0; i < end; i++) {
			char c = token.charAt(i);
			boolean last = i == token.length() - 1;
			char symbol = switch (c) {
				case 'ا' -> i == 0 || i == allah ? '@' : 'A';
				case 'آ' -> 'A';
				case 'ب' -> 'b';
				case 'پ' -> 'p';
				case 'ت', 'ط' -> 't';
				case 'ث', 'س', 'ص' -> 's';
				case 'ج' -> 'j';
				case 'چ' -> 'c';
				case 'ح' -> 'h';
				case 'خ' -> 'x';
				case 'د' -> 'd';
				case 'ذ', 'ز', 'ض', 'ظ' -> 'z';
				case 'ر' -> 'r';
				case 'ژ' -> 'Z';
				case 'ش' -> 'S';
				case 'ع', 'ء' -> 'G';
				case 'غ', 'ق' -> 'q';
				case 'ف' -> 'f';
				case 'ک' -> 'k';
				case 'گ' -> 'g';
				case 'ل' -> 'l';
				case 'م' -> 'm';
				case 'ن' -> 'n';
				case 'و' -> 'W';
				case 'ه' -> last && i > 0 ? 'E' : 'h';
				case 'ی' -> 'Y';
				default -> 0;
			};
			// a doubled consonant counts once (ll in الله), as in Latin
			if (symbol != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != symbol || "AWY".indexOf(symbol) >= 0)) {
				out.append(symbol);
			}
		}
		if (end < token.length() - 1) {
			out.append('J');
		}
		return out.toString();
	}

	static String latin(String token) {
		String t = undoubled(token);
		StringBuilder out = new StringBuilder(t.length());
		int i = 0;
		while (i < t.length()) {
			char c = t.charAt(i);
			char next = i + 1 < t.length() ? t.charAt(i + 1) : 0;
			char after = i + 2 < t.length() ? t.charAt(i + 2) : 0;
			int used = 2;
			char symbol;
			if (c == 'k' && next == 'h') {
				symbol = 'x';
			}
			else if (c == 's' && next == 'h') {
				symbol = 'S';
			}
			else if (c == 'c' && next == 'h') {
				symbol = 'c';
			}
			else if (c == 'z' && next == 'h') {
				symbol = 'Z';
			}
			else if (c == 'g' && next == 'h') {
				symbol = 'q';
			}
			else if (c == 'p' && next == 'h') {
				symbol = 'f';
			}
			else if (c == 'd' && next == 'j') {
				symbol = 'j';
			}
			else if (c == 't' && next == 'h') {
				symbol = 't';
			}
			else if ((c == 'o' && (next == 'u' || next == 'o')) || (c == 'u' && next == 'u')) {
				symbol = 'U';
			}
			else if ((c == 'e' && next == 'e') || (c == 'i' && next == 'i') || (c == 'i' && next == 'e' && after == 0)) {
				symbol = 'I';
			}
			else if ((c == 'e' || c == 'a') && (next == 'i' || next == 'y') && !vowel(after) && (i == 0 || !vowel(t.charAt(i - 1)))) {
				symbol = 'J';
			}
			else if (c == 'e' && next == 'h' && after == 0 && i > 0) {
				symbol = 'E';
			}
			else {
				used = 1;
				symbol = switch (c) {
					case 'w' -> 'v';
					case 'c' -> 'k';
					case 'x' -> 'x';
					case 'y' -> vowel(next) ? 'y' : 'i';
					default -> c;
				};
			}
			// a doubled letter counts once: mm in Mohammad, ss in Hossein
			if (out.isEmpty() || out.charAt(out.length() - 1) != symbol || vowelSymbol(symbol)) {
				out.append(symbol);
			}
			i += used;
		}
		return out.toString();
	}

	/** Doubled consonant letters as one (Roqayyeh, Mossadegh): the vowels stay, ee and oo mean something. */
	private static String undoubled(String token) {
		StringBuilder out = new StringBuilder(token.length());
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (i > 0 && c == token.charAt(i - 1) && !vowel(c)) {
				continue;
			}
			out.append(c);
		}
		return out.toString();
	}

	private static boolean vowel(char c) {
		return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
	}

	static boolean vowelSymbol(char s) {
		return "aeiouUIJ".indexOf(s) >= 0;
	}

}
