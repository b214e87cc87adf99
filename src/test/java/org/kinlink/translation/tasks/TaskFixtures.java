package org.kinlink.translation.tasks;

import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

/**
 * Puts translation tasks into a wanted state for web and integration tests, through the same services the
 * pages use. Built from the application context so tests in other packages need no package-private types.
 */
public final class TaskFixtures {

	private final TaskOpening opening;

	private final TaskRepository tasks;

	private final TranslationDesk desk;

	private TaskFixtures(ApplicationContext context) {
		this.opening = context.getBean(TaskOpening.class);
		this.tasks = context.getBean(TaskRepository.class);
		this.desk = context.getBean(TranslationDesk.class);
	}

	public static TaskFixtures from(ApplicationContext context) {
		return new TaskFixtures(context);
	}

	/** Runs what the MessageAccepted listener runs, synchronously. */
	public void openTasksFor(UUID messageId) {
		opening.open(messageId, "fa");
	}

	public TranslationTask task(UUID messageId, String target) {
		return tasks.find(messageId, target).orElseThrow();
	}

	public TranslationTask task(UUID taskId) {
		return tasks.find(taskId).orElseThrow();
	}

	public TranslationTask taken(UUID messageId, String target, String translator) {
		TranslationTask task = task(messageId, target);
		desk.take(task.id(), translator(translator));
		return task(task.id());
	}

	public TranslationTask translated(UUID messageId, String target, String translator, List<String> targets) {
		TranslationTask task = taken(messageId, target, translator);
		Submission submission = desk.submit(task.id(), translator(translator), targets, false, true);
		if (!submission.submitted()) {
			throw new IllegalStateException("fixture translation was not accepted: " + submission.findings());
		}
		return task(task.id());
	}

	public TranslationTask reviewed(UUID messageId, String target, String translator, String reviewer,
			List<String> targets) {
		TranslationTask task = translated(messageId, target, translator, targets);
		desk.markReviewed(task.id(), reviewer(reviewer));
		return task(task.id());
	}

	public static Staff translator(String name) {
		return new Staff(name, true, false);
	}

	public static Staff reviewer(String name) {
		return new Staff(name, false, true);
	}

}
