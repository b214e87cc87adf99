package org.kinlink.translation.tasks;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.media.SubtitledCopies;
import org.kinlink.messages.MessageProgress;
import org.kinlink.shared.web.ForbiddenActionException;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.translation.TranslationApproved;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The translators' and reviewers' work on tasks. Every record is checked for the reader on the server: a
 * translator sees only tasks they took, a reviewer only tasks awaiting review that someone else translated;
 * anything else is "not found". Every opening of the text and every change is audited, refusals included
 * (those transactions commit the audit entry: nothing else was written).
 */
@Service
public class TranslationDesk {

	static final String RECORD = "translation_task";

	private static final int LIST_LIMIT = 200;

	private final TaskRepository tasks;

	private final TaskTexts texts;

	private final AuditTrail audit;

	private final MessageProgress progress;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SubtitledCopies subtitledCopies;

	private final QaRunner qa;

	TranslationDesk(TaskRepository tasks, TaskTexts texts, AuditTrail audit, MessageProgress progress,
			ApplicationEventPublisher events, Clock clock, SubtitledCopies subtitledCopies, QaRunner qa) {
		this.qa = qa;
		this.subtitledCopies = subtitledCopies;
		this.tasks = tasks;
		this.texts = texts;
		this.audit = audit;
		this.progress = progress;
		this.events = events;
		this.clock = clock;
	}

	/** Tasks nobody took yet: reference, languages and size only, no text. */
	@Transactional(readOnly = true)
	public List<TranslationTask> openTasks() {
		return tasks.open(LIST_LIMIT);
	}

	@Transactional(readOnly = true)
	public List<TranslationTask> tasksOf(Staff staff) {
		return tasks.translatedBy(staff.name(), LIST_LIMIT);
	}

	@Transactional(readOnly = true)
	public List<TranslationTask> awaitingReview(Staff staff) {
		return tasks.awaitingReviewBy(staff.name(), LIST_LIMIT);
	}

	@Transactional
	public TranslationTask take(UUID taskId, Staff staff) {
		TranslationTask task = find(taskId);
		task.take(staff.name(), clock.instant());
		tasks.update(task);
		audit.record(AuditEvent.success("translation.task.take", RECORD, taskId).withDetail(task.targetLanguage()));
		return task;
	}

	/** Opens the task's text for the reader, if they may see it; audited. */
	@Transactional(noRollbackFor = RecordNotFoundException.class)
	public TaskPage open(UUID taskId, Staff staff) {
		TranslationTask task = visible(taskId, staff);
		TaskPage.Mode mode = task.isTranslatedBy(staff.name())
				? task.state() == TaskState.IN_PROGRESS ? TaskPage.Mode.EDIT : TaskPage.Mode.READ
				: TaskPage.Mode.REVIEW;
		List<TaskSegment> segments = texts.open(task);
		List<String> english = mode == TaskPage.Mode.REVIEW && !task.viaEnglish() ? null : englishPivot(task);
		if (english != null) {
			segments = segments.stream().map(s -> s.withPivot(english.get(s.number() - 1))).toList();
		}
		audit.record(AuditEvent.success("translation.segments.read", RECORD, taskId).withDetail(mode.name()));
		return new TaskPage(task, mode, segments, english != null, texts.comments(task), texts.trails(task), chain(task));
	}

	/**
	 * Some segments of the translator's own task (numbered from 1), for checking the suggestions the translator
	 * says they used; audited as a read.
	 */
	@Transactional(noRollbackFor = RecordNotFoundException.class)
	public TaskPage openSegments(UUID taskId, Staff staff, java.util.Collection<Integer> numbers) {
		TranslationTask task = ownTask(taskId, staff);
		List<TaskSegment> segments = texts.open(task).stream().filter(s -> numbers.contains(s.number())).toList();
		audit.record(AuditEvent.success("translation.segments.read", RECORD, taskId).withDetail("SEGMENTS " + segments.size()));
		return new TaskPage(task, TaskPage.Mode.EDIT, segments, false, List.of());
	}

	/**
	 * The editor's autosave of one segment (numbered from 1) by the task's translator while it is in progress:
	 * written only if the segment is still at the revision the editor last saw (else {@link SegmentChangedException},
	 * nothing written); returns the new revision. Audited without the text.
	 */
	@Transactional(noRollbackFor = { RecordNotFoundException.class, ForbiddenActionException.class })
	public int saveSegment(UUID taskId, Staff staff, int number, String text, int revision, TargetOrigin origin) {
		TranslationTask task = ownTask(taskId, staff);
		task.requireEditableBy(staff.name());
		int saved = texts.storeTarget(task, number, revision, text, origin == null ? TargetOrigin.TYPED : origin);
		if (saved < 0) {
			audit.record(AuditEvent.denied("translation.segment.save", RECORD, taskId).withDetail("changed " + number));
			throw new SegmentChangedException();
		}
		audit.record(AuditEvent.success("translation.segment.save", RECORD, taskId)
			.withDetail(number + " " + (origin == null ? Provenance.TYPED : origin.provenance())));
		return saved;
	}

	/**
	 * A reviewer's work on one segment while the task awaits review: an edited text (null keeps it; the
	 * translator's version is kept), a mark and a note; optimistic like {@link #saveSegment}. Audited.
	 */
	@Transactional(noRollbackFor = { RecordNotFoundException.class, ForbiddenActionException.class })
	public int reviewSegment(UUID taskId, Staff staff, int number, String text, ReviewMark mark, String note,
			int revision) {
		TranslationTask task = reviewable(taskId, staff, "translation.segment.review");
		task.requireReviewableBy(staff.name());
		int saved = texts.storeReview(task, number, revision, text, mark, note);
		if (saved < 0) {
			throw new SegmentChangedException();
		}
		audit.record(AuditEvent.success("translation.segment.review", RECORD, taskId)
			.withDetail(number + " " + (mark == null ? "-" : mark.name())));
		return saved;
	}

	/** The pivot chain of a task: its English pivot, or the Albanian tasks translated through it. */
	private PivotChain chain(TranslationTask task) {
		TranslationTask pivot = task.pivotTaskId() == null ? null : tasks.find(task.pivotTaskId()).orElse(null);
		List<TranslationTask> dependents = TranslationTask.ENGLISH.equals(task.targetLanguage())
				? tasks.throughPivot(task.id()) : List.of();
		return new PivotChain(pivot, task.pivotVersion(), dependents);
	}

	/**
	 * The task whose file the reader may see (its translator, or a reviewer who is not its translator while it
	 * awaits review or once it is approved); "not found" for anyone else and for a task of typed text. The
	 * caller streams the file and audits that read.
	 */
	@Transactional(noRollbackFor = RecordNotFoundException.class)
	public TranslationTask withFile(UUID taskId, Staff staff, String action) {
		TranslationTask task = tasks.find(taskId).orElse(null);
		boolean own = task != null && staff.translator() && task.isTranslatedBy(staff.name());
		boolean reviewing = task != null && staff.reviewer() && !task.isTranslatedBy(staff.name())
				&& (task.state().awaitsReview() || task.state() == TaskState.APPROVED);
		if (!own && !reviewing || task.fileId() == null) {
			throw denied(action, taskId, new RecordNotFoundException());
		}
		return task;
	}

	/**
	 * The subtitles of a voice note or video task: the translation (as far as it is typed, for a preview while
	 * in progress) or, with {@code source}, the original cues. Audited; "not found" as {@link #withFile}.
	 */
	@Transactional(noRollbackFor = RecordNotFoundException.class)
	public SubtitleTrack subtitles(UUID taskId, Staff staff, boolean source) {
		TranslationTask task = withFile(taskId, staff, "translation.subtitles.read");
		if (!task.isTimed()) {
			throw new RecordNotFoundException();
		}
		List<SubtitleTrack.Cue> cues = texts.open(task).stream()
			.filter(TaskSegment::timed)
			.map(segment -> new SubtitleTrack.Cue(segment.place().startMs(), segment.place().endMs(),
					source ? segment.source() : segment.target()))
			.toList();
		audit.record(AuditEvent.success("translation.subtitles.read", RECORD, taskId)
			.withDetail(source ? task.sourceLanguage() : task.targetLanguage()));
		String language = source ? task.sourceLanguage() : task.targetLanguage();
		return new SubtitleTrack(language, new com.ibm.icu.util.ULocale(language).isRightToLeft(), cues);
	}

	/** The translator saves a draft; the task stays in progress. */
	@Transactional(noRollbackFor = RecordNotFoundException.class)
	public void save(UUID taskId, Staff staff, List<String> targets, boolean viaEnglish) {
		save(taskId, staff, targets, viaEnglish, List.of(), java.util.Map.of());
	}

	/**
	 * The translator saves a draft with the revision of each segment the page showed (by position) and the
	 * provenance of targets taken from suggestions (by segment number). If segments changed meanwhile in another
	 * tab, nothing is written and their numbers are returned; else an empty list.
	 */
	@Transactional(noRollbackFor = RecordNotFoundException.class)
	public List<Integer> save(UUID taskId, Staff staff, List<String> targets, boolean viaEnglish,
			List<Integer> revisions, java.util.Map<Integer, TargetOrigin> origins) {
		TranslationTask task = ownTask(taskId, staff);
		task.saveDraft(staff.name(), viaEnglish && hasEnglishPivot(task), clock.instant());
		List<Integer> conflicts = texts.storeTargets(task, targets, revisions, origins);
		if (!conflicts.isEmpty()) {
			audit.record(AuditEvent.denied("translation.segments.save", RECORD, taskId).withDetail("changed"));
			return conflicts;
		}
		task.linkPivot(task.viaEnglish() ? englishTask(task).orElse(null) : null);
		tasks.update(task);
		audit.record(AuditEvent.success("translation.segments.save", RECORD, taskId).withDetail(pivotDetail(task)));
		return List.of();
	}

	/**
	 * The QA findings on the stored targets of the reader's own task, without changing anything: shown after the
	 * targets came in from elsewhere (an XLIFF file from a CAT tool). "Not found" for anyone but its translator.
	 */
	@Transactional(noRollbackFor = RecordNotFoundException.class)
	public List<QaFinding> check(UUID taskId, Staff staff) {
		TranslationTask task = ownTask(taskId, staff);
		List<TaskSegment> segments = texts.open(task);
		return qa.check(task, segments, segments.stream().map(TaskSegment::target).toList());
	}

	/**
	 * The translator submits: QA runs on the typed targets; the draft is saved in any case, and the task moves
	 * to TRANSLATED only without blocking findings and with warnings confirmed.
	 */
	@Transactional(noRollbackFor = RecordNotFoundException.class)
	public Submission submit(UUID taskId, Staff staff, List<String> targets, boolean viaEnglish, boolean confirmed) {
		TranslationTask task = ownTask(taskId, staff);
		List<QaFinding> findings = qa.check(task, texts.open(task), targets);
		boolean blocked = findings.stream().anyMatch(QaFinding::blocking);
		if (blocked || !findings.isEmpty() && !confirmed) {
			save(taskId, staff, targets, viaEnglish);
			return new Submission(false, findings);
		}
		task.submit(staff.name(), viaEnglish && hasEnglishPivot(task), clock.instant());
		task.linkPivot(task.viaEnglish() ? englishTask(task).orElse(null) : null);
		texts.storeTargets(task, targets);
		tasks.update(task);
		audit.record(AuditEvent.success("translation.task.submit", RECORD, taskId).withDetail(pivotDetail(task)));
		if (task.carriesTheMessage() && allCarrying(task.messageId(), TaskState::isTranslated)) {
			progress.translated(task.messageId());
		}
		return new Submission(true, findings);
	}

	@Transactional(noRollbackFor = { RecordNotFoundException.class, ForbiddenActionException.class })
	public void markReviewed(UUID taskId, Staff staff) {
		TranslationTask task = reviewable(taskId, staff, "translation.task.review");
		requireNoQuery(task);
		task.markReviewed(staff.name(), clock.instant());
		tasks.update(task);
		audit.record(AuditEvent.success("translation.task.review", RECORD, taskId).withDetail(task.state().name()));
	}

	/** Approves a reviewed translation: the message moves on (Albanian) and referrals learn of it. */
	@Transactional(noRollbackFor = { RecordNotFoundException.class, ForbiddenActionException.class })
	public void approve(UUID taskId, Staff staff) {
		TranslationTask task = reviewable(taskId, staff, "translation.task.approve");
		requireNoQuery(task);
		task.approve(staff.name(), clock.instant(),
				task.pivotTaskId() == null ? null : tasks.find(task.pivotTaskId()).orElse(null));
		tasks.update(task);
		audit.record(AuditEvent.success("translation.task.approve", RECORD, taskId).withDetail(task.targetLanguage()));
		events.publishEvent(new SegmentsApproved(taskId));
		if (task.carriesTheMessage() && allCarrying(task.messageId(), state -> state == TaskState.APPROVED)) {
			progress.approved(task.messageId());
		}
		if (tasks.forMessage(task.messageId()).stream()
			.filter(other -> other.targetLanguage().equals(task.targetLanguage()))
			.allMatch(other -> other.state() == TaskState.APPROVED)) {
			events.publishEvent(new TranslationApproved(task.messageId(), task.targetLanguage()));
		}
		if (task.isTimed()) {
			requestSubtitledCopy(task);
		}
	}

	/** Sends the translation back to its translator with the reviewer's comment (sealed). */
	@Transactional(noRollbackFor = { RecordNotFoundException.class, ForbiddenActionException.class })
	public void returnToTranslator(UUID taskId, Staff staff, String comment) {
		TranslationTask task = reviewable(taskId, staff, "translation.task.return");
		task.returnToTranslator(staff.name(), clock.instant());
		tasks.update(task);
		texts.storeComment(task, staff.name(), clock.instant(), comment);
		audit.record(AuditEvent.success("translation.task.return", RECORD, taskId).withDetail(task.state().name()));
	}

	/**
	 * Whether every task that moves the message along (its typed text's and its files', see
	 * {@link TranslationTask#carriesTheMessage()}) is in a state the test accepts: the message is TRANSLATED or
	 * APPROVED only when all of them are. A file whose transcript is approved later opens a task that cannot move
	 * the message back; it is reached through the file's own task.
	 */
	private boolean allCarrying(UUID messageId, java.util.function.Predicate<TaskState> test) {
		return tasks.forMessage(messageId).stream()
			.filter(TranslationTask::carriesTheMessage)
			.allMatch(other -> test.test(other.state()));
	}

	/** The approved cues of a voice note or video go to media for a copy with the subtitles burned in. */
	private void requestSubtitledCopy(TranslationTask task) {
		List<SubtitledCopies.Cue> cues = texts.open(task).stream()
			.filter(segment -> segment.timed() && segment.target() != null && !segment.target().isBlank()
					&& segment.place().startMs() >= 0 && segment.place().endMs() > segment.place().startMs())
			.map(segment -> new SubtitledCopies.Cue(segment.place().startMs(), segment.place().endMs(), segment.target()))
			.toList();
		if (!cues.isEmpty()) {
			subtitledCopies.request(task.fileId(), task.targetLanguage(), cues);
			audit.record(AuditEvent.success("translation.subtitles.request", RECORD, task.id())
				.withDetail(task.targetLanguage() + " " + cues.size()));
		}
	}

	/** A queried segment goes back to the translator (return), it cannot be reviewed or approved. */
	private void requireNoQuery(TranslationTask task) {
		if (tasks.queried(task.id()) > 0) {
			throw new org.kinlink.shared.web.IllegalTransitionException("translation.error.queried");
		}
	}

	private boolean hasEnglishPivot(TranslationTask task) {
		return englishTask(task).isPresent();
	}

	/** The English task of the same message, when this is the Albanian task and English is translated. */
	private java.util.Optional<TranslationTask> englishTask(TranslationTask task) {
		if (!task.isAlbanian()) {
			return java.util.Optional.empty();
		}
		return (task.fileId() == null ? tasks.find(task.messageId(), TranslationTask.ENGLISH)
				: tasks.findForFile(task.fileId(), TranslationTask.ENGLISH))
			.filter(english -> english.state().isTranslated() && english.segmentCount() == task.segmentCount());
	}

	/** The English translation of the same sentences, opened (and audited) when it may serve as the pivot. */
	private List<String> englishPivot(TranslationTask task) {
		return englishTask(task).map(english -> {
			audit.record(AuditEvent.success("translation.segments.read", RECORD, english.id()).withDetail("PIVOT"));
			return texts.open(english).stream().map(TaskSegment::target).toList();
		}).orElse(null);
	}

	private TranslationTask find(UUID taskId) {
		return tasks.find(taskId).orElseThrow(RecordNotFoundException::new);
	}

	private TranslationTask visible(UUID taskId, Staff staff) {
		TranslationTask task = tasks.find(taskId).orElse(null);
		boolean own = task != null && staff.translator() && task.isTranslatedBy(staff.name());
		boolean toReview = task != null && staff.reviewer() && !task.isTranslatedBy(staff.name())
				&& task.state().awaitsReview();
		if (!own && !toReview) {
			throw denied("translation.segments.read", taskId, new RecordNotFoundException());
		}
		return task;
	}

	private TranslationTask ownTask(UUID taskId, Staff staff) {
		TranslationTask task = tasks.find(taskId).orElse(null);
		if (task == null || !staff.translator() || !task.isTranslatedBy(staff.name())) {
			throw denied("translation.segments.save", taskId, new RecordNotFoundException());
		}
		return task;
	}

	private TranslationTask reviewable(UUID taskId, Staff staff, String action) {
		TranslationTask task = find(taskId);
		if (!staff.reviewer()) {
			throw denied(action, taskId, new RecordNotFoundException());
		}
		if (task.isTranslatedBy(staff.name())) {
			throw denied(action, taskId, new ForbiddenActionException("translation.error.ownWork"));
		}
		return task;
	}

	private <E extends RuntimeException> E denied(String action, UUID taskId, E refusal) {
		audit.record(AuditEvent.denied(action, RECORD, taskId));
		return refusal;
	}

	private static String pivotDetail(TranslationTask task) {
		return task.viaEnglish() ? "via en" : task.targetLanguage();
	}

}
