package org.kinlink.shared.text;

import java.util.Optional;

/**
 * Finds characters that can make a name or a letter read differently from what is stored (Trojan Source):
 * bidi overrides and isolates, invisible joiners other than the Persian ZWNJ, other control characters.
 */
public final class HostileCharacters {

	private HostileCharacters() {
	}

	/** The first hostile code point, if any; line breaks and tabs are allowed only where multiline is true. */
	public static Optional<Integer> firstIn(String text, boolean multiline) {
		if (text == null) {
			return Optional.empty();
		}
		return text.codePoints().filter(c -> isHostile(c, multiline)).boxed().findFirst();
	}

	static boolean isHostile(int c, boolean multiline) {
		if (c == '\n' || c == '\t') {
			return !multiline;
		}
		if (c == '\u200C') {
			return false; // ZWNJ is part of Persian spelling
		}
		if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C) {
			return true; // bidi embeddings, overrides, isolates and marks
		}
		if (c == 0x200B || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x180E
				|| c >= 0x2061 && c <= 0x2064 || c >= 0xFFF9 && c <= 0xFFFB || c >= 0xE0000 && c <= 0xE007F) {
			return true; // zero-width and other invisible characters, tag characters
		}
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.PRIVATE_USE || type == Character.SURROGATE
				|| type == Character.UNASSIGNED;
	}

}
