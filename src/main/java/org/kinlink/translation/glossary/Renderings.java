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

	private Renderings() {
	}

	public static boolean usedIn(String target, List<String> renderings) {
		String[] words = words(target);
		return renderings.stream().map(Renderings::words).anyMatch(rendering -> rendering.length > 0 && contains(words, rendering));
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
		return Arrays.stream(MatchText.of(text).text().split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
	}

}
