package org.kinlink.translation.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinlink.shared.text.HostileCharacters;
import org.kinlink.shared.text.PersianText;

import org.springframework.util.MultiValueMap;

/**
 * What the side-by-side editor sends: one target text per segment (in segment order), whether the Albanian
 * was translated through English, and the button pressed: save, submit, or confirm (submit despite warnings).
 * The buttons and the check box are told apart by name, not by value, so that the page holds no literal text.
 * Read from the request by hand rather than by the data binder, whose list binding fails with an exception
 * on a crafted index beyond its growth limit; indexes beyond {@link #MAX_SEGMENTS} are ignored.
 */
record EditorForm(List<String> targets, Boolean viaEnglish, String action, List<Integer> revisions,
		Map<Integer, Integer> claims, int[] use) {

	EditorForm(List<String> targets, Boolean viaEnglish, String action) {
		this(targets, viaEnglish, action, List.of(), Map.of(), null);
	}

	/** The most characters (code points) one segment's translation may have. */
	static final int MAX_SEGMENT_LENGTH = 5_000;

	/** More segments than any letter has (a letter holds at most 20,000 characters, a segment at least two). */
	static final int MAX_SEGMENTS = 10_000;

	private static final Pattern TARGET = Pattern.compile("targets\\[(\\d{1,5})]");

	private static final Pattern REVISION = Pattern.compile("revisions\\[(\\d{1,5})]");

	private static final Pattern ORIGIN = Pattern.compile("origins\\[(\\d{1,5})]");

	private static final Pattern USE = Pattern.compile("(\\d{1,5})-([1-9])");

	private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

	/** The form from the request parameters, each text normalised like every other form text. */
	static EditorForm from(MultiValueMap<String, String> params) {
		List<String> targets = new ArrayList<>();
		params.forEach((name, values) -> {
			Matcher matcher = TARGET.matcher(name);
			if (matcher.matches() && Integer.parseInt(matcher.group(1)) < MAX_SEGMENTS && !values.isEmpty()) {
				int index = Integer.parseInt(matcher.group(1));
				while (targets.size() <= index) {
					targets.add(null);
				}
				String text = PersianText.normalize(values.get(0));
				targets.set(index, text == null || text.isEmpty() ? null : text);
			}
		});
		List<Integer> revisions = new ArrayList<>();
		Map<Integer, Integer> claims = new TreeMap<>();
		params.forEach((name, values) -> {
			Matcher revision = REVISION.matcher(name);
			Matcher origin = ORIGIN.matcher(name);
			String value = values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
			if (revision.matches() && Integer.parseInt(revision.group(1)) < MAX_SEGMENTS && NUMBER.matcher(value).matches()) {
				int index = Integer.parseInt(revision.group(1));
				while (revisions.size() <= index) {
					revisions.add(null);
				}
				revisions.set(index, Integer.parseInt(value));
			}
			else if (origin.matches() && Integer.parseInt(origin.group(1)) < MAX_SEGMENTS && value.matches("[1-9]")) {
				claims.put(Integer.parseInt(origin.group(1)) + 1, Integer.parseInt(value));
			}
		});
		String used = params.getFirst("use");
		Matcher use = used == null ? null : USE.matcher(used.strip());
		int[] chosen = use != null && use.matches() && Integer.parseInt(use.group(1)) >= 1
				? new int[] { Integer.parseInt(use.group(1)), Integer.parseInt(use.group(2)) } : null;
		String action = params.containsKey("submitAnyway") ? "confirm"
				: params.containsKey("submitForReview") ? "submit" : "save";
		return new EditorForm(targets, params.containsKey("viaEnglish"), action, revisions, claims, chosen);
	}

	/** The revision each segment had on the page (by position); null where the page sent none. */
	List<Integer> revisionsOrEmpty() {
		return revisions == null ? List.of() : revisions;
	}

	/** The suggestion (1, 2, 3...) the translator inserted, by segment number, as the editor's script noted it. */
	Map<Integer, Integer> claimsOrEmpty() {
		return claims == null ? Map.of() : claims;
	}

	List<String> targetsOrEmpty() {
		return targets == null ? List.of() : targets;
	}

	/** Whether the translator ticked "through English" (public: the editor template reads it). */
	public boolean pivot() {
		return Boolean.TRUE.equals(viaEnglish);
	}

	boolean submitting() {
		return "submit".equals(action) || confirming();
	}

	boolean confirming() {
		return "confirm".equals(action);
	}

	/** The message code of what is wrong with one segment's text, or null when nothing is. */
	static String problemOf(String text) {
		if (text == null) {
			return null;
		}
		if (text.codePointCount(0, text.length()) > MAX_SEGMENT_LENGTH) {
			return "translation.segment.tooLong";
		}
		return HostileCharacters.firstIn(text, true).isPresent() ? "translation.segment.hiddenCharacters" : null;
	}

	/** The message code of what is wrong with each segment's text (numbered from 1), if anything. */
	Map<Integer, String> textProblems() {
		Map<Integer, String> problems = new TreeMap<>();
		List<String> texts = targetsOrEmpty();
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			if (text == null) {
				continue;
			}
			if (text.codePointCount(0, text.length()) > MAX_SEGMENT_LENGTH) {
				problems.put(i + 1, "translation.segment.tooLong");
			}
			else if (HostileCharacters.firstIn(text, true).isPresent()) {
				problems.put(i + 1, "translation.segment.hiddenCharacters");
			}
		}
		return problems;
	}

}
