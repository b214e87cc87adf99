package org.kinlink.translation.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.storage.Vault;
import org.kinlink.translation.tasks.TaskRepository.SealedComment;
import org.kinlink.translation.tasks.TaskRepository.SealedSegment;
import org.kinlink.translation.tasks.TaskRepository.SealedTrail;

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

	/** Seals the targets the translator typed; an empty one is stored as no text. Only changed ones are written. */
	void storeTargets(TranslationTask task, List<String> targets) {
		storeTargets(task, targets, List.of(), Map.of());
	}

	/**
	 * Seals the targets the translator typed, each changed one with its provenance (typed unless the origins say
	 * otherwise, by segment number). When a revision is given for a segment (by position) and the segment changed
	 * since (another tab saved it) to a text other than the one typed here, nothing is written and the numbers
	 * of those segments are returned.
	 */
	List<Integer> storeTargets(TranslationTask task, List<String> targets, List<Integer> revisions,
			Map<Integer, TargetOrigin> origins) {
		List<SealedTrail> rows = tasks.trails(task.id(), true);
		List<Integer> conflicts = new ArrayList<>();
		List<SealedTrail> changed = new ArrayList<>();
		for (SealedTrail row : rows) {
			int position = row.position();
			String typed = clean(position < targets.size() ? targets.get(position) : null);
			String current = clean(vault.openText(task.keyId(), row.target(), context("target", task.id(), position)));
			if (Objects.equals(typed, current)) {
				continue;
			}
			Integer expected = position < revisions.size() ? revisions.get(position) : null;
			if (expected != null && expected != row.revision()) {
				conflicts.add(position + 1);
				continue;
			}
			changed.add(typedRow(task, row, typed, origins.getOrDefault(position + 1, TargetOrigin.TYPED)));
		}
		if (conflicts.isEmpty()) {
			Map<Integer, Integer> revisionOf = new HashMap<>();
			rows.forEach(row -> revisionOf.put(row.position(), row.revision()));
			changed.forEach(row -> tasks.writeSegment(task.id(), row, revisionOf.get(row.position())));
		}
		return conflicts;
	}

	/**
	 * The translator's autosave of one segment (numbered from 1): written if the segment is still at the expected
	 * revision or already holds this text; returns the segment's revision after the save, or -1 when another
	 * tab or person changed it since (nothing is written then).
	 */
	int storeTarget(TranslationTask task, int number, int expectedRevision, String text, TargetOrigin origin) {
		SealedTrail row = row(task, number);
		String typed = clean(text);
		String current = clean(vault.openText(task.keyId(), row.target(), context("target", task.id(), row.position())));
		if (Objects.equals(typed, current)) {
			return row.revision();
		}
		if (expectedRevision != row.revision()) {
			return -1;
		}
		tasks.writeSegment(task.id(), typedRow(task, row, typed, origin), row.revision());
		return row.revision() + 1;
	}

	/**
	 * A reviewer's work on one segment: an edited text (the translator's version is kept the first time; null
	 * leaves the text), the mark and the note. Returns the revision after, or -1 if the segment changed since.
	 */
	int storeReview(TranslationTask task, int number, int expectedRevision, String text, ReviewMark mark, String note) {
		SealedTrail row = row(task, number);
		if (expectedRevision != row.revision()) {
			return -1;
		}
		int position = row.position();
		String current = clean(vault.openText(task.keyId(), row.target(), context("target", task.id(), position)));
		String edited = clean(text);
		byte[] target = row.target();
		byte[] translatorTarget = row.translatorTarget();
		String provenance = row.provenance();
		Integer score = row.score();
		String label = row.label();
		if (edited != null && !edited.equals(current)) {
			if (translatorTarget == null && current != null) {
				translatorTarget = vault.sealText(task.keyId(), current, context("translatorTarget", task.id(), position));
			}
			target = vault.sealText(task.keyId(), edited, context("target", task.id(), position));
			provenance = Provenance.REVIEWER.name();
			score = null;
			label = null;
		}
		String cleanNote = clean(note);
		byte[] sealedNote = cleanNote == null ? null
				: vault.sealText(task.keyId(), cleanNote, context("reviewNote", task.id(), position));
		tasks.writeSegment(task.id(), new SealedTrail(position, target, row.revision(), provenance, score, label,
				translatorTarget, mark == null ? null : mark.name(), sealedNote), row.revision());
		return row.revision() + 1;
	}

	/** The trail of each segment: revision, provenance, the translator's version under a reviewer's edit, mark, note. */
	List<SegmentTrail> trails(TranslationTask task) {
		List<SegmentTrail> trails = new ArrayList<>(task.segmentCount());
		for (SealedTrail row : tasks.trails(task.id(), false)) {
			int position = row.position();
			TargetOrigin origin = row.provenance() == null ? null
					: new TargetOrigin(Provenance.valueOf(row.provenance()), row.score(), row.label());
			trails.add(new SegmentTrail(position + 1, row.revision(), origin,
					vault.openText(task.keyId(), row.translatorTarget(), context("translatorTarget", task.id(), position)),
					row.mark() == null ? null : ReviewMark.valueOf(row.mark()),
					vault.openText(task.keyId(), row.note(), context("reviewNote", task.id(), position))));
		}
		return trails;
	}

	private SealedTrail row(TranslationTask task, int number) {
		List<SealedTrail> rows = tasks.trails(task.id(), true);
		if (number < 1 || number > rows.size()) {
			throw new RecordNotFoundException();
		}
		return rows.get(number - 1);
	}

	/** The translator's new text: the reviewer's edit, mark and note of that segment are settled by it. */
	private SealedTrail typedRow(TranslationTask task, SealedTrail row, String typed, TargetOrigin origin) {
		byte[] sealed = typed == null ? null
				: vault.sealText(task.keyId(), typed, context("target", task.id(), row.position()));
		return new SealedTrail(row.position(), sealed, row.revision(), typed == null ? null : origin.provenance().name(),
				typed == null ? null : origin.score(), typed == null ? null : origin.label(), null, null, null);
	}

	private static String clean(String text) {
		return text == null || text.isBlank() ? null : text.strip();
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
