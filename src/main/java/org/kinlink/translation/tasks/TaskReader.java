package org.kinlink.translation.tasks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task texts for the other parts of the translation module that work without a reader at hand (the memory
 * keeping approved pairs). Every opening is audited with what it was for.
 */
@Component
public class TaskReader {

	private final TaskRepository tasks;

	private final TaskTexts texts;

	private final AuditTrail audit;

	TaskReader(TaskRepository tasks, TaskTexts texts, AuditTrail audit) {
		this.tasks = tasks;
		this.texts = texts;
		this.audit = audit;
	}

	/** The source and target of every segment of an approved task, or empty when it is not approved. */
	@Transactional
	public Optional<ApprovedPairs> approvedPairs(UUID taskId, String purpose) {
		return tasks.find(taskId).filter(task -> task.state() == TaskState.APPROVED).map(task -> {
			List<TaskSegment> segments = texts.open(task);
			audit.record(AuditEvent.success("translation.segments.read", TranslationDesk.RECORD, taskId).withDetail(purpose));
			return new ApprovedPairs(task, segments);
		});
	}

	/** An approved task and its segments (target may be null where the translator left none). */
	public record ApprovedPairs(TranslationTask task, List<TaskSegment> segments) {
	}

}
