package org.kinlink.translation.tasks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/** Runs the built-in checks and every {@link QaCheck} bean; findings sorted by segment. */
@Component
class QaRunner {

	private final List<QaCheck> checks;

	QaRunner(List<QaCheck> checks) {
		this.checks = List.copyOf(checks);
	}

	List<QaFinding> check(TranslationTask task, List<TaskSegment> segments, List<String> targets) {
		List<QaFinding> findings = new ArrayList<>(
				QaChecks.check(segments.stream().map(TaskSegment::source).toList(), targets));
		for (QaCheck check : checks) {
			findings.addAll(check.check(task, segments, targets));
		}
		findings.sort(Comparator.comparingInt(QaFinding::segment));
		return findings;
	}

}
