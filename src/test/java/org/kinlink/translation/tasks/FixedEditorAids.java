package org.kinlink.translation.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Editor aids with fixed answers for the editor's tests (found by component scan from the test classes, so every
 * test context has it; it answers only for Albanian tasks whose letter holds the greeting below, which no other
 * test writes, so other tests see no help):
 * for the greeting "مادر مهربانم، سلام." two memory matches and one machine suggestion, and the glossary term
 * "زمین لرزه" (earthquake) wherever it occurs. The memory and machine modules bring the real aids.
 */
@Component
public class FixedEditorAids implements SegmentAids {

	public static final String GREETING = "مادر مهربانم، سلام.";

	public static final String EXACT = "E dashura nënë, përshëndetje.";

	public static final String FUZZY = "E dashur nëna ime, përshëndetje!";

	public static final String MACHINE = "Nëna e dashur, përshëndetje.";

	public static final String ENGINE = "LibreTranslate test";

	public static final String TERM = "زمین لرزه";

	@Override
	public Aids aids(TranslationTask task, List<TaskSegment> segments) {
		if (!task.isAlbanian() || segments.stream().noneMatch(segment -> GREETING.equals(segment.source()))) {
			return Aids.none();
		}
		Map<Integer, List<Suggestion>> suggestions = new HashMap<>();
		Map<Integer, List<TermHit>> terms = new HashMap<>();
		for (TaskSegment segment : segments) {
			if (GREETING.equals(segment.source())) {
				suggestions.put(segment.number(), new ArrayList<>(List.of(
						new Suggestion(segment.number(), Suggestion.Origin.MEMORY, EXACT, 100, null, GREETING,
								List.of(new Suggestion.DiffPart(GREETING, Suggestion.DiffPart.Change.SAME))),
						new Suggestion(segment.number(), Suggestion.Origin.MEMORY, FUZZY, 82, null, "مادر مهربانم، درود!",
								List.of(new Suggestion.DiffPart("مادر مهربانم، ", Suggestion.DiffPart.Change.SAME),
										new Suggestion.DiffPart("درود!", Suggestion.DiffPart.Change.DELETED),
										new Suggestion.DiffPart("سلام.", Suggestion.DiffPart.Change.INSERTED))),
						new Suggestion(segment.number(), Suggestion.Origin.MACHINE, MACHINE, 0, ENGINE, null, null))));
			}
			int at = segment.source() == null ? -1 : segment.source().indexOf(TERM);
			if (at >= 0) {
				terms.put(segment.number(),
						List.of(new TermHit(segment.number(), at, at + TERM.length(), TERM, List.of("tërmet"), null)));
			}
		}
		Aids aids = new Aids(suggestions, terms, List.of(), List.of());
		return Aids.none().and(aids);
	}

}
