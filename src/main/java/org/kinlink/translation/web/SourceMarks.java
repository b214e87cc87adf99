package org.kinlink.translation.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kinlink.translation.tasks.TermHit;

/**
 * A segment's source cut into runs so that the glossary terms found in it can be highlighted in place: each run
 * is plain text or a term with its hit. Hits outside the text or overlapping an earlier one are left out.
 */
final class SourceMarks {

	private SourceMarks() {
	}

	/** One run of the source: a glossary term when the hit is set (public: the templates read it). */
	record Run(String text, TermHit hit) {

		public boolean term() {
			return hit != null;
		}

	}

	static List<Run> of(String source, List<TermHit> hits) {
		if (source == null) {
			return List.of();
		}
		if (hits.isEmpty()) {
			return List.of(new Run(source, null));
		}
		List<TermHit> sorted = new ArrayList<>(hits);
		sorted.sort(Comparator.comparingInt(TermHit::start).thenComparing(Comparator.comparingInt(TermHit::end).reversed()));
		List<Run> runs = new ArrayList<>();
		int at = 0;
		for (TermHit hit : sorted) {
			if (hit.start() < at || hit.end() > source.length() || hit.start() >= hit.end()) {
				continue;
			}
			if (hit.start() > at) {
				runs.add(new Run(source.substring(at, hit.start()), null));
			}
			runs.add(new Run(source.substring(hit.start(), hit.end()), hit));
			at = hit.end();
		}
		if (at < source.length()) {
			runs.add(new Run(source.substring(at), null));
		}
		return runs;
	}

}
