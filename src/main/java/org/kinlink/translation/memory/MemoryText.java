package org.kinlink.translation.memory;

import java.util.ArrayList;
import java.util.List;

import org.kinlink.shared.text.PersianText;

/**
 * How the memory compares sentences: {@link PersianText#normalize}, Persian and Arabic-Indic digits as Latin
 * digits, ZWNJ and every run of white space as one space, tatweel, Arabic diacritics and bidi controls left
 * out, lower case. Words are the runs of letters, marks and digits of that form; punctuation is no word.
 */
final class MemoryText {

	private static final char ZWNJ = '\u200C';

	private MemoryText() {
	}

	/** The form two sources must share to be an exact (100%) match. */
	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String plain = PersianText.latinDigits(PersianText.normalize(text));
		StringBuilder out = new StringBuilder(plain.length());
		boolean space = false;
		for (int i = 0; i < plain.length();) {
			int c = plain.codePointAt(i);
			i += Character.charCount(c);
			if (c == ZWNJ || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = true;
			}
			else if (!ignored(c)) {
				if (space && out.length() > 0) {
					out.append(' ');
				}
				space = false;
				out.appendCodePoint(Character.toLowerCase(c));
			}
		}
		return out.toString();
	}

	/** The words of the text in their normalised form, in order. */
	static String[] words(String text) {
		return wordsOfNormal(normalize(text));
	}

	/** The words of a text already in its {@link #normalize normalised} form. */
	static String[] wordsOfNormal(String normal) {
		List<String> words = new ArrayList<>();
		int start = -1;
		for (int i = 0; i < normal.length();) {
			int c = normal.codePointAt(i);
			boolean word = wordChar(c);
			if (word && start < 0) {
				start = i;
			}
			else if (!word && start >= 0) {
				words.add(normal.substring(start, i));
				start = -1;
			}
			i += Character.charCount(c);
		}
		if (start >= 0) {
			words.add(normal.substring(start));
		}
		return words.toArray(String[]::new);
	}

	/**
	 * The text cut into pieces for showing differences: words (ZWNJ kept inside them), runs of white space and
	 * single punctuation marks, exactly as written, so that joining them gives the text back.
	 */
	static List<String> pieces(String text) {
		List<String> pieces = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int c = text.codePointAt(i);
			int kind = kind(c);
			int end = i + Character.charCount(c);
			if (kind != 2) {
				while (end < text.length()) {
					int next = text.codePointAt(end);
					if (kind(next) != kind) {
						break;
					}
					end += Character.charCount(next);
				}
			}
			pieces.add(text.substring(i, end));
			i = end;
		}
		return pieces;
	}

	/** 0 word, 1 white space, 2 anything else (one piece per mark). */
	private static int kind(int c) {
		if (wordChar(c) || c == ZWNJ || c == '\u0640' || ignored(c) && !Character.isWhitespace(c)) {
			return 0;
		}
		return Character.isWhitespace(c) || Character.isSpaceChar(c) ? 1 : 2;
	}

	private static boolean wordChar(int c) {
		return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
				|| Character.getType(c) == Character.COMBINING_SPACING_MARK;
	}

	/** Tatweel, Arabic diacritics (harakat, superscript alef) and bidi or zero-width controls. */
	private static boolean ignored(int c) {
		return c == '\u0640' || c >= '\u064B' && c <= '\u065F' || c == '\u0670' || c == '\u200B' || c == '\u200D'
				|| c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
				|| c == '\uFEFF';
	}

}
