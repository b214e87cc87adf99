package org.kinlink.translation.tasks;

import java.util.List;

/**
 * The pivot chain a task belongs to: for an Albanian task translated through English, the English task (its
 * version when it was used); for an English task, the Albanian tasks translated through it. Metadata only.
 */
public record PivotChain(TranslationTask pivot, Integer pivotVersion, List<TranslationTask> dependents) {

	static final PivotChain NONE = new PivotChain(null, null, List.of());

	public PivotChain {
		dependents = List.copyOf(dependents);
	}

	public boolean isEmpty() {
		return pivot == null && dependents.isEmpty();
	}

	/** Whether this task waits for its English pivot's approval before it may be approved. */
	public boolean waitsForPivot() {
		return pivot != null && pivot.state() != TaskState.APPROVED;
	}

}
