package org.kinlink.translation.qa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kinlink.translation.glossary.Glossary;
import org.kinlink.translation.glossary.GlossaryTerm;
import org.kinlink.translation.glossary.LanguagePair;
import org.kinlink.translation.glossary.Renderings;
import org.kinlink.translation.glossary.TermIndex;
import org.kinlink.translation.tasks.QaCheck;
import org.kinlink.translation.tasks.QaFinding;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TranslationTask;

import org.springframework.stereotype.Component;

/**
 * Glossary terms found in a segment's source must appear in its translation in one of their renderings
 * (inflected forms accepted, see {@link Renderings}); the detail names each missing term and its renderings.
 */
@Component
class GlossaryTermsCheck implements QaCheck {

	private final Glossary glossary;

	GlossaryTermsCheck(Glossary glossary) {
		this.glossary = glossary;
	}

	@Override
	public List<QaFinding> check(TranslationTask task, List<TaskSegment> segments, List<String> targets) {
		LanguagePair pair = LanguagePair.of(task.sourceLanguage(), task.targetLanguage()).orElse(null);
		if (pair == null) {
			return List.of();
		}
		TermIndex index = glossary.index(pair);
		if (index.size() == 0) {
			return List.of();
		}
		List<QaFinding> findings = new ArrayList<>();
		for (TaskSegment segment : segments) {
			String target = Targets.of(targets, segment);
			if (target.isEmpty()) {
				continue;
			}
			Map<String, GlossaryTerm> missing = new LinkedHashMap<>();
			Renderings.Translation translation = Renderings.in(target);
			for (TermIndex.Found found : index.find(segment.source())) {
				if (!translation.uses(found.term().renderings())) {
					missing.putIfAbsent(found.term().key(), found.term());
				}
			}
			if (!missing.isEmpty()) {
				findings.add(new QaFinding(segment.number(), QaFinding.Kind.TERMS_MISSING, detail(missing.values())));
			}
		}
		return findings;
	}

	private static String detail(Iterable<GlossaryTerm> terms) {
		List<String> parts = new ArrayList<>();
		for (GlossaryTerm term : terms) {
			parts.add(term.term() + " → " + String.join(" / ", term.renderings()));
		}
		return String.join("; ", parts);
	}

}
