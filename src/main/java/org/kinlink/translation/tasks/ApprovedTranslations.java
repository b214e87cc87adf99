package org.kinlink.translation.tasks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.translation.ApprovedFileTranslation;
import org.kinlink.translation.ApprovedTranslation;
import org.kinlink.translation.Translations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Serves approved translations, and only those, to referrals; each opening is audited. */
@Service
class ApprovedTranslations implements Translations {

	private final TaskRepository tasks;

	private final TaskTexts texts;

	private final AuditTrail audit;

	ApprovedTranslations(TaskRepository tasks, TaskTexts texts, AuditTrail audit) {
		this.tasks = tasks;
		this.texts = texts;
		this.audit = audit;
	}

	@Override
	@Transactional
	public Optional<ApprovedTranslation> approved(UUID messageId, String targetLanguage) {
		return tasks.find(messageId, targetLanguage).filter(task -> task.state() == TaskState.APPROVED).map(task -> {
			List<String> segments = texts.open(task).stream().map(TaskSegment::target).toList();
			audit.record(AuditEvent.success("translation.segments.read", TranslationDesk.RECORD, task.id())
				.withDetail("APPROVED"));
			return new ApprovedTranslation(messageId, targetLanguage, segments, task.translator(), task.approver(),
					task.approvedAt());
		});
	}

	@Override
	@Transactional
	public List<ApprovedFileTranslation> approvedFiles(UUID messageId, String targetLanguage) {
		return tasks.forMessage(messageId).stream()
			.filter(task -> task.fileId() != null && task.targetLanguage().equals(targetLanguage)
					&& task.state() == TaskState.APPROVED)
			.map(task -> {
				List<ApprovedFileTranslation.Segment> segments = texts.open(task).stream()
					.map(s -> new ApprovedFileTranslation.Segment(s.source(), s.target(),
							s.place() == null ? null : s.place().startMs(), s.place() == null ? null : s.place().endMs(),
							s.place() == null ? null : s.place().page()))
					.toList();
				audit.record(AuditEvent.success("translation.segments.read", TranslationDesk.RECORD, task.id())
					.withDetail("APPROVED"));
				return new ApprovedFileTranslation(task.fileId(), messageId, task.mediaKind(), task.sourceLanguage(),
						targetLanguage, segments, task.translator(), task.approver(), task.approvedAt());
			})
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<UUID> messagesWithApprovedTranslation() {
		return tasks.messagesWithApprovedTask();
	}

}
