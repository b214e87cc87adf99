package org.kinlink.translation.qa;

import java.util.ArrayList;
import java.util.List;

import org.kinlink.translation.tasks.QaCheck;
import org.kinlink.translation.tasks.QaFinding;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TranslationTask;

import org.springframework.stereotype.Component;

/** Brackets and quotation marks of a translation balanced as in its source (see {@link Brackets}). */
@Component
class BracketsCheck implements QaCheck {

	@Override
	public List<QaFinding> check(TranslationTask task, List<TaskSegment> segments, List<String> targets) {
		List<QaFinding> findings = new ArrayList<>();
		for (TaskSegment segment : segments) {
			String target = Targets.of(targets, segment);
			if (!target.isEmpty()) {
				String wrong = Brackets.unbalanced(segment.source(), target);
				if (!wrong.isEmpty()) {
					findings.add(new QaFinding(segment.number(), QaFinding.Kind.UNBALANCED, wrong));
				}
			}
		}
		return findings;
	}

}
