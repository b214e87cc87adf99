package org.kinlink.translation.glossary;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a translation uses one of a term's renderings, compared in their comparable forms (case, accents and
 * letter variants ignored). Albanian inflects every word of a name ("Bashkimi Evropian", "Bashkimit Evropian"),
 * so each word of a rendering longer than four letters may lose a final vowel, and each may take up to four
 * letters more: "Tiranë" is used in "Tiranës" and in "Tirana", "Maqedonia" in "Maqedonisë".
 */
public final class Renderings {

	private static final int MAX_ENDING = 4;

	private Renderings() {
	}

	public static boolean usedIn(String target, List<String> renderings) {
		String text = MatchText.of(target).text();
		return renderings.stream().anyMatch(rendering -> pattern(rendering).matcher(text).find());
	}

	static Pattern pattern(String rendering) {
		String[] words = MatchText.of(rendering).text().strip().split(" ");
		StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
		for (int i = 0; i < words.length; i++) {
			String word = words[i];
			if (word.length() > 4 && "aeiouy".indexOf(word.charAt(word.length() - 1)) >= 0) {
				word = word.substring(0, word.length() - 1);
			}
			regex.append(Pattern.quote(word)).append("\\p{L}{0,").append(MAX_ENDING).append('}');
			regex.append(i == words.length - 1 ? "(?![\\p{L}\\p{N}])" : "\\s+");
		}
		return Pattern.compile(regex.toString());
	}

}
