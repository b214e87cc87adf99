package org.kinlink.translation.qa;

import java.util.List;

import org.kinlink.translation.tasks.TaskSegment;

/** The target typed for a segment (index number - 1), stripped; empty when there is none. */
final class Targets {

	private Targets() {
	}

	static String of(List<String> targets, TaskSegment segment) {
		int index = segment.number() - 1;
		String target = index >= 0 && index < targets.size() ? targets.get(index) : null;
		return target == null ? "" : target.strip();
	}

}
