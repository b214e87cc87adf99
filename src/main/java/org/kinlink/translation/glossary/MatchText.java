package org.kinlink.translation.glossary;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A text brought to the form in which glossary terms are compared, remembering where each of its characters
 * came from in the text as stored, so that a term found in it can be marked in the original. Persian letter
 * variants (Arabic yeh and kaf, teh marbuta, alef and hamza forms) become one letter; diacritics (harakat,
 * accents), tatweel and other combining marks disappear; ZWNJ and every run of white space become one space;
 * Persian and Arabic-Indic digits become Latin ones; letters are lower case.
 */
public final class MatchText {

	private final String text;

	private final int[] start;

	private final int[] end;

	private MatchText(String text, int[] start, int[] end) {
		this.text = text;
		this.start = start;
		this.end = end;
	}

	/** The comparable form of a text (null is read as empty). */
	public static MatchText of(String original) {
		String input = original == null ? "" : original;
		StringBuilder out = new StringBuilder(input.length());
		int[] starts = new int[input.length() + 1];
		int[] ends = new int[input.length() + 1];
		int i = 0;
		while (i < input.length()) {
			int cp = input.codePointAt(i);
			int next = i + Character.charCount(cp);
			int fast = fast(cp);
			String mapped = fast == SLOW ? map(cp) : null;
			int count = fast == SLOW ? mapped.length() : fast == DROP ? 0 : 1;
			for (int k = 0; k < count; k++) {
				char c = mapped == null ? (char) fast : mapped.charAt(k);
				if (c == ' ' && (out.length() == 0 || out.charAt(out.length() - 1) == ' ')) {
					continue;
				}
				if (out.length() + 1 >= starts.length) {
					starts = java.util.Arrays.copyOf(starts, starts.length * 2);
					ends = java.util.Arrays.copyOf(ends, ends.length * 2);
				}
				starts[out.length()] = i;
				ends[out.length()] = next;
				out.append(c);
			}
			i = next;
		}
		return new MatchText(out.toString(), starts, ends);
	}

	/** The key under which a term is kept unique: its comparable form, trimmed, with compounds closed up. */
	public static String key(String term) {
		String text = of(term).text.strip();
		StringBuilder key = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == ' ' && i > 0 && i + 1 < text.length() && arabicLetter(text.charAt(i - 1))
					&& arabicLetter(text.charAt(i + 1))) {
				continue;
			}
			key.append(text.charAt(i));
		}
		return key.toString();
	}

	private static final int SLOW = -1;

	private static final int DROP = -2;

	/** The comparable character of each code point below U+0700 (Latin, Arabic) computed once; DROP or SLOW. */
	private static final int[] LOW = table(0, 0x0700);

	/** The same for general punctuation (spaces, ZWNJ, bidi controls, quotation marks). */
	private static final int[] PUNCTUATION = table(0x2000, 0x2070);

	private static int[] table(int from, int to) {
		int[] table = new int[to - from];
		for (int cp = from; cp < to; cp++) {
			String mapped = map(cp);
			table[cp - from] = mapped.isEmpty() ? DROP : mapped.length() == 1 ? mapped.charAt(0) : SLOW;
		}
		return table;
	}

	/** The comparable character for the characters of most texts, DROP for one that disappears, SLOW for the rest. */
	private static int fast(int cp) {
		if (cp < 0x0700) {
			return LOW[cp];
		}
		if (cp >= 0x2000 && cp < 0x2070) {
			return PUNCTUATION[cp - 0x2000];
		}
		return SLOW;
	}

	private static String map(int cp) {
		switch (cp) {
			case '\u064A', '\u0649', '\u0626' -> {
				return "\u06CC"; // Arabic yeh, alef maksura, yeh with hamza -> Persian yeh
			}
			case '\u0643' -> {
				return "\u06A9"; // Arabic kaf -> keheh
			}
			case '\u0629', '\u06C0', '\u06C1' -> {
				return "\u0647"; // teh marbuta, heh with yeh above, heh goal -> heh
			}
			case '\u0622', '\u0623', '\u0625', '\u0671' -> {
				return "\u0627"; // alef with madda or hamza, alef wasla -> alef
			}
			case '\u0624' -> {
				return "\u0648"; // waw with hamza -> waw
			}
			case '\u0640' -> {
				return ""; // tatweel
			}
			case '\u200C', '\u00A0', '\u202F' -> {
				return " "; // ZWNJ and no-break spaces separate like a space
			}
			case '\u2019', '\u02BC', '\u2018' -> {
				return "'";
			}
			default -> {
				if (cp >= '\u06F0' && cp <= '\u06F9') {
					return String.valueOf((char) ('0' + cp - '\u06F0'));
				}
				if (cp >= '\u0660' && cp <= '\u0669') {
					return String.valueOf((char) ('0' + cp - '\u0660'));
				}
				if (Character.isWhitespace(cp)) {
					return " ";
				}
				if (Character.getType(cp) == Character.NON_SPACING_MARK || Character.getType(cp) == Character.FORMAT) {
					return "";
				}
				String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
				StringBuilder kept = new StringBuilder(decomposed.length());
				decomposed.codePoints()
					.filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
					.forEach(kept::appendCodePoint);
				return kept.toString().toLowerCase(Locale.ROOT);
			}
		}
	}

	static boolean arabicLetter(char c) {
		return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
	}

	static boolean wordChar(char c) {
		return Character.isLetterOrDigit(c);
	}

	/** The comparable text. */
	public String text() {
		return text;
	}

	/** Where the comparable characters [from, to) begin in the original text. */
	public int originalStart(int from) {
		return start[from];
	}

	/** Where the comparable characters [from, to) end in the original text. */
	public int originalEnd(int to) {
		return end[to - 1];
	}

}
