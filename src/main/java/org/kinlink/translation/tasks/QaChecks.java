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
 * The checks run when a translator submits: empty targets, targets copied from the source or still in its
 * script, numbers of the source missing in the target (Persian and Arabic-Indic digits read as Latin ones,
 * separators ignored, so ۲٫۸ matches 2.8 and 2,8), Latin-script names of the source missing from the target
 * and bidi control characters. Brackets and quotes, glossary terms and the person's registered spelling are
 * {@link QaCheck} beans of the qa package.
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
			String bidi = bidiControls(target);
			if (!bidi.isEmpty()) {
				findings.add(new QaFinding(segment, QaFinding.Kind.BIDI_CONTROLS, bidi));
			}
			if (target.equals(source.strip())) {
				findings.add(new QaFinding(segment, QaFinding.Kind.IDENTICAL, ""));
			}
			else if (inSourceScript(source, target)) {
				findings.add(new QaFinding(segment, QaFinding.Kind.UNTRANSLATED, ""));
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

	/** The bidi control characters of the text, written as code points such as U+202E, each once; empty if none. */
	static String bidiControls(String text) {
		Set<String> found = new LinkedHashSet<>();
		text.codePoints().filter(QaChecks::isBidiControl).forEach(c -> found.add(String.format("U+%04X", c)));
		return String.join(", ", found);
	}

	private static boolean isBidiControl(int c) {
		return c == 0x200E || c == 0x200F || c == 0x061C || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
	}

	/**
	 * Whether the target is written mostly (more than half of its letters) in the script of a source that is
	 * not in Latin script: a Persian sentence left in Persian. Targets are Albanian or English, so a source in
	 * Latin script (an English letter) cannot be told apart this way; {@link QaFinding.Kind#IDENTICAL} covers it.
	 */
	static boolean inSourceScript(String source, String target) {
		Character.UnicodeScript script = mainScript(source);
		if (script == null || script == Character.UnicodeScript.LATIN) {
			return false;
		}
		long letters = target.codePoints().filter(Character::isLetter).count();
		long inScript = target.codePoints().filter(c -> Character.isLetter(c) && Character.UnicodeScript.of(c) == script).count();
		return letters > 0 && inScript * 2 > letters;
	}

	private static Character.UnicodeScript mainScript(String text) {
		Map<Character.UnicodeScript, Integer> counts = new java.util.EnumMap<>(Character.UnicodeScript.class);
		text.codePoints().filter(Character::isLetter).forEach(c -> counts.merge(Character.UnicodeScript.of(c), 1, Integer::sum));
		return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

	/**
	 * Which kinds of finding block a submission: the property kinlink.translation.qa.blocking, a comma-separated
	 * list of {@link QaFinding.Kind} names (by default EMPTY and BIDI_CONTROLS; empty means nothing blocks). An
	 * unknown name stops the application at start-up rather than letting a check silently warn.
	 */
	@org.springframework.stereotype.Component
	static class Policy {

		private final Set<QaFinding.Kind> blocking;

		Policy(@org.springframework.beans.factory.annotation.Value("${kinlink.translation.qa.blocking:"
				+ QaFinding.Kind.DEFAULT_BLOCKING + "}") String blocking) {
			this.blocking = QaFinding.Kind.parse(blocking);
		}

		QaFinding apply(QaFinding finding) {
			return finding.withBlocking(blocking.contains(finding.kind()));
		}

		Set<QaFinding.Kind> blocking() {
			return Set.copyOf(blocking);
		}

	}

}
