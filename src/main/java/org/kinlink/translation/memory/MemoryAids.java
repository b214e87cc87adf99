package org.kinlink.translation.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.translation.tasks.AidNote;
import org.kinlink.translation.tasks.Aids;
import org.kinlink.translation.tasks.SegmentAids;
import org.kinlink.translation.tasks.Suggestion;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TranslationTask;

import org.springframework.stereotype.Component;

/**
 * The memory's help in the editor: for each segment the best matches at or above the configured score (one
 * per distinct translation, with the differences of the memory's source), and the document's leverage. Only
 * the in-memory index is asked: no database, no Vault. Showing other tasks' translations to the reader is
 * audited with the number of units shown.
 */
@Component
class MemoryAids implements SegmentAids {

	private final MemoryIndex index;

	private final MemorySettings settings;

	private final AuditTrail audit;

	MemoryAids(MemoryIndex index, MemorySettings settings, AuditTrail audit) {
		this.index = index;
		this.settings = settings;
		this.audit = audit;
	}

	@Override
	public Aids aids(TranslationTask task, List<TaskSegment> segments) {
		LanguagePair pair = new LanguagePair(task.sourceLanguage(), task.targetLanguage());
		List<String> sources = segments.stream().map(TaskSegment::source).toList();
		Help help = help(pair, sources);
		if (help.shown() > 0) {
			audit.record(AuditEvent.success("translation.memory.suggest", MemoryKeeping.RECORD, task.id())
				.withDetail(pair.label() + " " + help.shown()));
		}
		return help.aids();
	}

	/** The suggestions and leverage for a document's sources (segments numbered from 1 in the list's order). */
	Help help(LanguagePair pair, List<String> sources) {
		Map<Integer, List<Suggestion>> suggestions = new LinkedHashMap<>();
		Leverage leverage = new Leverage();
		int shown = 0;
		for (int i = 0; i < sources.size(); i++) {
			String source = sources.get(i) == null ? "" : sources.get(i);
			List<MemoryMatch> matches = index.find(pair, source, settings.minScore(), settings.suggestions());
			leverage.count(matches.isEmpty() ? 0 : matches.get(0).score(), MemoryText.words(source).length);
			if (matches.isEmpty()) {
				continue;
			}
			List<Suggestion> list = new ArrayList<>(matches.size());
			for (MemoryMatch match : matches) {
				list.add(new Suggestion(i + 1, Suggestion.Origin.MEMORY, match.target(), match.score(),
						match.batch().origin().name(), match.source(),
						match.score() == 100 ? List.of() : SourceDiff.between(match.source(), source)));
			}
			suggestions.put(i + 1, list);
			shown += list.size();
		}
		List<AidNote> notes = new ArrayList<>();
		if (!index.ready()) {
			notes.add(new AidNote("memory.loading", List.of()));
		}
		notes.add(leverage.note());
		return new Help(new Aids(suggestions, Map.of(), notes, List.of()), leverage, shown);
	}

	/** What the memory offers a document, with its leverage and how many units it shows. */
	record Help(Aids aids, Leverage leverage, int shown) {
	}

}
