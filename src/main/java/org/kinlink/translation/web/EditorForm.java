package org.kinlink.translation.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kinlink.shared.text.HostileCharacters;

/**
 * What the side-by-side editor sends: one target text per segment (in segment order), whether the Albanian
 * was translated through English, and the button pressed: save, submit, or confirm (submit despite warnings).
 */
record EditorForm(List<String> targets, Boolean viaEnglish, String action) {

	/** The most characters (code points) one segment's translation may have. */
	static final int MAX_SEGMENT_LENGTH = 5_000;

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
