package org.kinlink.translation.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.media.Transcript;
import org.kinlink.media.TranscriptSegment;
import org.kinlink.messages.LetterContent;
import org.kinlink.storage.Vault;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the two translation tasks of an accepted message, Albanian and English, each with the letter's
 * sentences sealed under its own key; and the tasks of each file whose transcript was approved, on the
 * transcript's segments with their timing or page region. Idempotent: a message's text and each file get each
 * target once (unique constraints). A letter with files only may have no text: then it has no text task.
 */
@Service
class TaskOpening {

	static final List<String> TARGETS = List.of(TranslationTask.ALBANIAN, TranslationTask.ENGLISH);

	private final FamilyMessages messages;

	private final TaskRepository tasks;

	private final TaskTexts texts;

	private final Vault vault;

	private final AuditTrail audit;

	private final Clock clock;

	TaskOpening(FamilyMessages messages, TaskRepository tasks, TaskTexts texts, Vault vault, AuditTrail audit,
			Clock clock) {
		this.messages = messages;
		this.tasks = tasks;
		this.texts = texts;
		this.vault = vault;
		this.audit = audit;
		this.clock = clock;
	}

	/** Opens the message's tasks unless it has them; says whether the message now has tasks. */
	@Transactional
	boolean open(UUID messageId, String language) {
		if (tasks.existsFor(messageId)) {
			return true;
		}
		LetterContent content = messages.content(messageId);
		String sourceLanguage = language == null || language.isBlank() ? content.letter().language() : language;
		List<String> sentences = new Segmenter(sourceLanguage).segments(content.letter().text());
		if (sentences.isEmpty()) {
			// Nothing typed (scans or video only): the files' tasks open when their transcripts are approved.
			audit.record(AuditEvent.failure("translation.task.open", "message", messageId).withDetail("no text"));
			return false;
		}
		Instant now = clock.instant();
		for (String target : TARGETS) {
			if (target.equals(sourceLanguage)) {
				continue; // a letter written in Albanian needs no Albanian translation
			}
			openTask(messageId, content.reference(), sourceLanguage, target, sentences, now);
		}
		return true;
	}

	/**
	 * Opens the tasks of a file on its approved transcript unless it has them; says whether the file now has
	 * tasks (false for a transcript without text).
	 */
	@Transactional
	boolean openFile(Transcript transcript, String reference) {
		if (tasks.existsForFile(transcript.fileId())) {
			return true;
		}
		List<TranscriptSegment> segments = transcript.segments()
			.stream()
			.filter(segment -> segment.text() != null && !segment.text().isBlank())
			.toList();
		if (segments.isEmpty()) {
			audit.record(AuditEvent.failure("translation.task.open", "media_file", transcript.fileId())
				.withDetail("no text"));
			return false;
		}
		String sourceLanguage = transcript.language() == null || transcript.language().isBlank() ? "fa"
				: transcript.language();
		List<String> sources = segments.stream().map(segment -> segment.text().strip()).toList();
		List<TaskSegment.Place> places = segments.stream().map(TaskOpening::place).toList();
		Instant now = clock.instant();
		for (String target : TARGETS) {
			if (target.equals(sourceLanguage)) {
				continue;
			}
			UUID keyId = vault.newKey();
			TranslationTask task = TranslationTask.openForFile(transcript.messageId(), transcript.fileId(),
					transcript.kind().name(), reference, sourceLanguage, target, keyId, sources.size(), now);
			if (!tasks.insertIfAbsent(task)) {
				vault.shred(keyId);
				continue;
			}
			texts.storeSources(task, sources, places);
			audit.record(AuditEvent.success("translation.task.open", TranslationDesk.RECORD, task.id())
				.withDetail(sourceLanguage + ">" + target + " " + sources.size() + " " + transcript.kind().name()));
		}
		return true;
	}

	private static TaskSegment.Place place(TranscriptSegment segment) {
		TranscriptSegment.Region region = segment.region();
		return new TaskSegment.Place(segment.startMs(), segment.endMs(), segment.page(),
				region == null ? null : region.x(), region == null ? null : region.y(),
				region == null ? null : region.width(), region == null ? null : region.height());
	}

	private void openTask(UUID messageId, String reference, String sourceLanguage, String target,
			List<String> sentences, Instant now) {
		UUID keyId = vault.newKey();
		TranslationTask task = TranslationTask.open(messageId, reference, sourceLanguage, target, keyId, sentences.size(),
				now);
		if (!tasks.insertIfAbsent(task)) {
			vault.shred(keyId); // another delivery of the event was first
			return;
		}
		texts.storeSources(task, sentences);
		audit.record(AuditEvent.success("translation.task.open", TranslationDesk.RECORD, task.id())
			.withDetail(sourceLanguage + ">" + target + " " + sentences.size()));
	}

}
