package org.kinlink.translation.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinlink.shared.text.PersianText;

/**
 * The checks run when a translator submits: empty targets, targets copied from the source, numbers of the
 * source missing in the target (Persian and Arabic-Indic digits read as Latin ones, separators ignored, so
 * ۲٫۸ matches 2.8 and 2,8) and Latin-script names of the source missing from the target.
 */
final class QaChecks {

	/** Digits with decimal or thousands separators (Latin, Persian momayyez and Arabic thousands sign). */
	private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,\u066B\u066C]\\d+)*");

	/** A word in Latin script: a name or a term kept as written in a Persian letter. */
	private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}\\p{M}\\d]*");

	private QaChecks() {
	}

	static List<QaFinding> check(List<String> sources, List<String> targets) {
		List<QaFinding> findings = new ArrayList<>();
		for (int i = 0; i < sources.size(); i++) {
			String source = sources.get(i);
			String target = i < targets.size() && targets.get(i) != null ? targets.get(i).strip() : "";
			int segment = i + 1;
			if (target.isEmpty()) {
				findings.add(new QaFinding(segment, QaFinding.Kind.EMPTY, ""));
				continue;
			}
			if (target.equals(source.strip())) {
				findings.add(new QaFinding(segment, QaFinding.Kind.IDENTICAL, ""));
			}
			List<String> numbers = missingNumbers(source, target);
			if (!numbers.isEmpty()) {
				findings.add(new QaFinding(segment, QaFinding.Kind.NUMBERS_MISSING, String.join(", ", numbers)));
			}
			List<String> names = missingNames(source, target);
			if (!names.isEmpty()) {
				findings.add(new QaFinding(segment, QaFinding.Kind.NAMES_MISSING, String.join(", ", names)));
			}
		}
		return findings;
	}

	static List<String> missingNumbers(String source, String target) {
		Set<String> inTarget = numbers(target).keySet();
		List<String> missing = new ArrayList<>();
		numbers(source).forEach((digits, written) -> {
			if (!inTarget.contains(digits)) {
				missing.add(written);
			}
		});
		return missing;
	}

	/** The numbers of a text: digits only (the key, for comparing) and as written with Latin digits. */
	private static Map<String, String> numbers(String text) {
		Map<String, String> numbers = new LinkedHashMap<>();
		Matcher matcher = NUMBER.matcher(PersianText.latinDigits(text));
		while (matcher.find()) {
			String written = matcher.group().replace('\u066B', '.').replace('\u066C', ',');
			numbers.putIfAbsent(written.replaceAll("\\D", ""), written);
		}
		return numbers;
	}

	static List<String> missingNames(String source, String target) {
		Set<String> missing = new LinkedHashSet<>();
		Matcher matcher = LATIN_WORD.matcher(source);
		while (matcher.find()) {
			String word = matcher.group();
			if (word.length() > 1 && !containsWord(target, word)) {
				missing.add(word);
			}
		}
		return List.copyOf(missing);
	}

	private static boolean containsWord(String text, String word) {
		return Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(word) + "(?![\\p{L}\\d])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
	}

}
