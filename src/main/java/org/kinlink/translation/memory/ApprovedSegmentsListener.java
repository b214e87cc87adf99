package org.kinlink.translation.memory;

import org.kinlink.translation.tasks.SegmentsApproved;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps the pairs of every approved task. Runs after the approval committed; the event publication registry
 * holds the event until this succeeds (redelivered on restart), and keeping is idempotent per task.
 */
@Component
class ApprovedSegmentsListener {

	private final MemoryKeeping keeping;

	ApprovedSegmentsListener(MemoryKeeping keeping) {
		this.keeping = keeping;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SegmentsApproved event) {
		keeping.keepApproved(event.taskId());
	}

}
