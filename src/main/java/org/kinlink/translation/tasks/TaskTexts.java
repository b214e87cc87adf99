package org.kinlink.translation.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kinlink.storage.Vault;
import org.kinlink.translation.tasks.TaskRepository.SealedComment;
import org.kinlink.translation.tasks.TaskRepository.SealedSegment;

import org.springframework.stereotype.Component;

/**
 * Seals and opens a task's texts under the task's own key. The context names the task, the field and the
 * position, so a sealed sentence cannot be moved to another segment or task unnoticed. Opening is not
 * audited here: the callers audit the read they serve.
 */
@Component
class TaskTexts {

	private final Vault vault;

	private final TaskRepository tasks;

	TaskTexts(Vault vault, TaskRepository tasks) {
		this.vault = vault;
		this.tasks = tasks;
	}

	void storeSources(TranslationTask task, List<String> sources) {
		storeSources(task, sources, null);
	}

	/** Seals the sources of a file's segments, with where each one is in the file. */
	void storeSources(TranslationTask task, List<String> sources, List<TaskSegment.Place> places) {
		List<byte[]> sealed = new ArrayList<>(sources.size());
		for (int position = 0; position < sources.size(); position++) {
			sealed.add(vault.sealText(task.keyId(), sources.get(position), context("source", task.id(), position)));
		}
		tasks.insertSegments(task.id(), sealed, places);
	}

	/** Seals the targets the translator typed; an empty one is stored as no text. */
	void storeTargets(TranslationTask task, List<String> targets) {
		for (int position = 0; position < task.segmentCount(); position++) {
			String target = position < targets.size() ? targets.get(position) : null;
			byte[] sealed = target == null || target.isBlank() ? null
					: vault.sealText(task.keyId(), target.strip(), context("target", task.id(), position));
			tasks.updateTarget(task.id(), position, sealed);
		}
	}

	List<TaskSegment> open(TranslationTask task) {
		List<TaskSegment> segments = new ArrayList<>(task.segmentCount());
		for (SealedSegment sealed : tasks.segments(task.id())) {
			int position = sealed.position();
			segments.add(new TaskSegment(position + 1,
					vault.openText(task.keyId(), sealed.source(), context("source", task.id(), position)),
					vault.openText(task.keyId(), sealed.target(), context("target", task.id(), position)), sealed.place()));
		}
		return segments;
	}

	void storeComment(TranslationTask task, String author, java.time.Instant at, String comment) {
		UUID id = UUID.randomUUID();
		tasks.insertComment(id, task.id(), author, at, vault.sealText(task.keyId(), comment, "translation.comment:" + id));
	}

	List<ReviewComment> comments(TranslationTask task) {
		List<ReviewComment> comments = new ArrayList<>();
		for (SealedComment sealed : tasks.comments(task.id())) {
			comments.add(new ReviewComment(sealed.author(), sealed.writtenAt(),
					vault.openText(task.keyId(), sealed.comment(), "translation.comment:" + sealed.id())));
		}
		return comments;
	}

	private static String context(String field, UUID taskId, int position) {
		return "translation.segment." + field + ":" + taskId + ":" + position;
	}

}
