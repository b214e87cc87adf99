package org.kinlink.translation.glossary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kinlink.translation.tasks.AidAction;
import org.kinlink.translation.tasks.Aids;
import org.kinlink.translation.tasks.SegmentAids;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TermHit;
import org.kinlink.translation.tasks.TranslationTask;

import org.springframework.stereotype.Component;

/**
 * Marks the glossary terms of the task's language pair in each segment's source, with their renderings and
 * note, and links to the glossary. One database look-up (the pair's revision) per opening; the rest is the
 * in-memory index.
 */
@Component
class GlossaryAids implements SegmentAids {

	private final Glossary glossary;

	GlossaryAids(Glossary glossary) {
		this.glossary = glossary;
	}

	@Override
	public Aids aids(TranslationTask task, List<TaskSegment> segments) {
		LanguagePair pair = LanguagePair.of(task.sourceLanguage(), task.targetLanguage()).orElse(null);
		if (pair == null) {
			return Aids.none();
		}
		TermIndex index = glossary.index(pair);
		Map<Integer, List<TermHit>> terms = new LinkedHashMap<>();
		if (index.size() > 0) {
			for (TaskSegment segment : segments) {
				List<TermHit> hits = hits(index, segment.number(), segment.source());
				if (!hits.isEmpty()) {
					terms.put(segment.number(), hits);
				}
			}
		}
		List<AidAction> actions = List.of(new AidAction("glossary.aid.open", AidAction.Method.GET,
				"/staff/glossary?source=" + pair.source() + "&target=" + pair.target()));
		return new Aids(Map.of(), terms, List.of(), actions);
	}

	/** The glossary terms found in one segment's source, as the editor shows them. */
	static List<TermHit> hits(TermIndex index, int segment, String source) {
		List<TermHit> hits = new ArrayList<>();
		for (TermIndex.Found found : index.find(source)) {
			hits.add(new TermHit(segment, found.start(), found.end(), found.term().term(),
					found.term().renderings(), found.term().note()));
		}
		return hits;
	}

}
