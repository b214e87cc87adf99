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
record EditorForm(List<String> targets, Boolean viaEnglish, String action) {

	/** The most characters (code points) one segment's translation may have. */
	static final int MAX_SEGMENT_LENGTH = 5_000;

	/** More segments than any letter has (a letter holds at most 20,000 characters, a segment at least two). */
	static final int MAX_SEGMENTS = 10_000;

	private static final Pattern TARGET = Pattern.compile("targets\\[(\\d{1,5})]");

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
		String action = params.containsKey("submitAnyway") ? "confirm"
				: params.containsKey("submitForReview") ? "submit" : "save";
		return new EditorForm(targets, params.containsKey("viaEnglish"), action);
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
