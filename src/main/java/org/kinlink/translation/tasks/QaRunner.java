package org.kinlink.translation.tasks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Runs the built-in checks and every {@link QaCheck} bean; findings sorted by segment, blocking or not as the
 * configured {@link QaChecks.Policy} says.
 */
@Component
class QaRunner {

	private final List<QaCheck> checks;

	private final QaChecks.Policy policy;

	QaRunner(List<QaCheck> checks, QaChecks.Policy policy) {
		this.checks = List.copyOf(checks);
		this.policy = policy;
	}

	List<QaFinding> check(TranslationTask task, List<TaskSegment> segments, List<String> targets) {
		List<QaFinding> findings = new ArrayList<>(
				QaChecks.check(segments.stream().map(TaskSegment::source).toList(), targets));
		for (QaCheck check : checks) {
			findings.addAll(check.check(task, segments, targets));
		}
		findings.replaceAll(policy::apply);
		findings.sort(Comparator.comparingInt(QaFinding::segment));
		return findings;
	}

}
