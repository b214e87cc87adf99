package org.kinlink.media.transcripts;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a set of cues: each ends after it starts and no later than the recording; no two overlap.
 * Problems are message codes per cue (by its number in the list), with an argument where one helps.
 */
final class CueRules {

	private CueRules() {
	}

	/** A cue to check: its number on the page, start and end in milliseconds. */
	record Timed(int number, long startMs, long endMs) {
	}

	/** What is wrong with a cue: a message code and its argument (a time or another cue's number), or null. */
	record Problem(String code, Object argument) {
	}

	static Map<Integer, Problem> check(List<Timed> cues, Long durationMs) {
		Map<Integer, Problem> problems = new LinkedHashMap<>();
		for (Timed cue : cues) {
			if (cue.endMs() <= cue.startMs()) {
				problems.put(cue.number(), new Problem("transcripts.cue.endBeforeStart", null));
			}
			else if (durationMs != null && cue.endMs() > durationMs) {
				problems.put(cue.number(), new Problem("transcripts.cue.beyondEnd", CueTimes.format(durationMs)));
			}
		}
		List<Timed> sorted = cues.stream()
			.filter(cue -> !problems.containsKey(cue.number()))
			.sorted(Comparator.comparingLong(Timed::startMs).thenComparingInt(Timed::number))
			.toList();
		for (int i = 1; i < sorted.size(); i++) {
			Timed before = sorted.get(i - 1);
			Timed cue = sorted.get(i);
			if (cue.startMs() < before.endMs()) {
				problems.putIfAbsent(cue.number(), new Problem("transcripts.cue.overlap", before.number()));
			}
		}
		return problems;
	}

}
