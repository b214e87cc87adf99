package org.kinlink.translation.tasks;

import java.util.UUID;

/**
 * Published inside the translation module when a task is approved: the translation memory keeps its segment
 * pairs (read them with {@link TaskReader#approvedPairs}).
 */
public record SegmentsApproved(UUID taskId) {
}
