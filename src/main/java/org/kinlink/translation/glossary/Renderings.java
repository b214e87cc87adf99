package org.kinlink.translation.glossary;

import java.util.Arrays;
import java.util.List;

/**
 * Whether a translation uses one of a term's renderings, compared in their comparable forms (case, accents and
 * letter variants ignored), word by word. Albanian inflects every word of a name ("Kombet e Bashkuara",
 * "Kombeve të Bashkuara"; "Tiranë", "Tiranës", "Tirana"), so a word of the translation stands for a word of the
 * rendering when it begins with all of it but the last two letters (words up to four letters: all of it), and is
 * at most four letters longer; small words between (të, e, i) must be there but may change.
 */
public final class Renderings {

	private static final int MAX_ENDING = 4;

	private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

	private Renderings() {
	}

	public static boolean usedIn(String target, List<String> renderings) {
		return in(target).uses(renderings);
	}

	/** A translation read once, to be asked about several terms. */
	public static Translation in(String target) {
		return new Translation(words(target));
	}

	/** The words of a translation in their comparable form. */
	public static final class Translation {

		private final String[] words;

		private Translation(String[] words) {
			this.words = words;
		}

		/** Whether the translation uses one of the renderings. */
		public boolean uses(List<String> renderings) {
			for (String rendering : renderings) {
				String[] wanted = words(rendering);
				if (wanted.length > 0 && contains(words, wanted)) {
					return true;
				}
			}
			return false;
		}

	}

	private static boolean contains(String[] words, String[] rendering) {
		for (int start = 0; start + rendering.length <= words.length; start++) {
			boolean all = true;
			for (int k = 0; k < rendering.length && all; k++) {
				all = sameWord(rendering[k], words[start + k]);
			}
			if (all) {
				return true;
			}
		}
		return false;
	}

	static boolean sameWord(String rendering, String word) {
		int n = rendering.length();
		if (n <= 2) {
			return word.length() <= MAX_ENDING; // a small word (të, e, i) takes its inflected form
		}
		int needed = n <= MAX_ENDING ? n : Math.max(MAX_ENDING, n - 2);
		int common = 0;
		while (common < Math.min(n, word.length()) && rendering.charAt(common) == word.charAt(common)) {
			common++;
		}
		return common >= needed && word.length() <= n + MAX_ENDING;
	}

	private static String[] words(String text) {
		return Arrays.stream(NOT_WORD.split(MatchText.of(text).text())).filter(w -> !w.isEmpty()).toArray(String[]::new);
	}

}
