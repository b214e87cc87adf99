package org.kinlink.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kinlink.shared.text.PersianText;

/**
 * Unique marker strings (Persian, Albanian and Latin) typed into the application's inputs, each remembered with
 * the input it went into, and the byte patterns each one takes when it is stored or logged: UTF-8, UTF-16 (both
 * byte orders), hexadecimal, and Base64 (standard and URL-safe, at each of the three byte alignments).
 */
final class Canaries {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی";

	private static final String LATIN = "abcdefghijkmnpqrstuvwxyz23456789";

	private final Map<String, String> where = new LinkedHashMap<>();

	/** A Persian canary, e.g. "قناری" and six random Persian letters. */
	String persian(String input) {
		return remember(input, "قناری" + random(PERSIAN_LETTERS, 6));
	}

	/** An Albanian canary, e.g. "kanarinë" and eight random letters. */
	String albanian(String input) {
		return remember(input, "kanarinë" + random(LATIN, 8));
	}

	/** A Latin canary in capitals and digits. */
	String latin(String input) {
		return remember(input, "CANARY" + random(LATIN, 10).toUpperCase(java.util.Locale.ROOT));
	}

	/** All three scripts in one value, for free-text inputs. */
	String all(String input) {
		return persian(input) + " " + albanian(input) + " " + latin(input);
	}

	private String remember(String input, String canary) {
		where.put(canary, input);
		return canary;
	}

	Map<String, String> where() {
		return where;
	}

	static String random(String alphabet, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return out.toString();
	}

	/** Every byte pattern under which the canary (or its normalised form) could be stored or logged. */
	static List<Pattern> patterns(String canary) {
		Set<String> texts = new LinkedHashSet<>(List.of(canary, PersianText.normalize(canary)));
		List<Pattern> patterns = new ArrayList<>();
		for (String text : texts) {
			byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
			patterns.add(new Pattern("UTF-8", utf8));
			patterns.add(new Pattern("UTF-16LE", text.getBytes(StandardCharsets.UTF_16LE)));
			patterns.add(new Pattern("UTF-16BE", text.getBytes(StandardCharsets.UTF_16BE)));
			patterns.add(new Pattern("hex", HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII)));
			for (byte[] encoded : List.of(utf8, text.getBytes(StandardCharsets.UTF_16LE), text.getBytes(StandardCharsets.UTF_16BE))) {
				for (int shift = 0; shift < 3; shift++) {
					String standard = base64Core(Base64.getEncoder(), encoded, shift);
					patterns.add(new Pattern("Base64", standard.getBytes(StandardCharsets.US_ASCII)));
					patterns.add(new Pattern("Base64url", base64Core(Base64.getUrlEncoder(), encoded, shift)
						.getBytes(StandardCharsets.US_ASCII)));
				}
			}
		}
		return patterns;
	}

	/**
	 * The Base64 characters that depend only on the canary's bytes when it sits {@code shift} bytes after a
	 * 3-byte boundary inside a longer value: whatever surrounds it, these characters appear.
	 */
	static String base64Core(Base64.Encoder encoder, byte[] bytes, int shift) {
		byte[] shifted = new byte[shift + bytes.length];
		System.arraycopy(bytes, 0, shifted, shift, bytes.length);
		String encoded = encoder.withoutPadding().encodeToString(shifted);
		int from = shift == 0 ? 0 : 4;
		int fullGroups = (shift + bytes.length) / 3;
		return encoded.substring(from, fullGroups * 4);
	}

	/** One encoded form of a canary. */
	record Pattern(String encoding, byte[] bytes) {

		boolean in(byte[] haystack) {
			return indexOf(haystack, bytes) >= 0;
		}

		static int indexOf(byte[] haystack, byte[] needle) {
			if (needle.length == 0) {
				return 0;
			}
			outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
				if (haystack[i] != needle[0]) {
					continue;
				}
				for (int j = 1; j < needle.length; j++) {
					if (haystack[i + j] != needle[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

	}

}
