package org.kinlink.translation.tasks;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.kinlink.shared.web.ForbiddenActionException;
import org.kinlink.shared.web.IllegalTransitionException;

/**
 * The translation of one message into one target language: who translates, who reviews and who approves,
 * and the state. Refuses moves the state does not allow and keeps the reviewer apart from the translator.
 * The text itself lives in sealed segments, never here.
 */
public class TranslationTask {

	/** Albanian: the translation the authorities in Albania receive; it drives the message's progress. */
	public static final String ALBANIAN = "sq";

	public static final String ENGLISH = "en";

	private final UUID id;

	private final UUID messageId;

	private final String reference;

	private final String sourceLanguage;

	private final String targetLanguage;

	private final UUID keyId;

	private final int segmentCount;

	private final Instant createdAt;

	private TaskState state;

	private String translator;

	private String reviewer;

	private String approver;

	private boolean viaEnglish;

	private Instant updatedAt;

	private Instant approvedAt;

	private final int version;

	private final UUID fileId;

	private final String mediaKind;

	private UUID pivotTaskId;

	private Integer pivotVersion;

	TranslationTask(UUID id, UUID messageId, String reference, String sourceLanguage, String targetLanguage, UUID keyId,
			int segmentCount, Instant createdAt, TaskState state, String translator, String reviewer, String approver,
			boolean viaEnglish, Instant updatedAt, Instant approvedAt, int version) {
		this(id, messageId, reference, sourceLanguage, targetLanguage, keyId, segmentCount, createdAt, state, translator,
				reviewer, approver, viaEnglish, updatedAt, approvedAt, version, null, null);
	}

	TranslationTask(UUID id, UUID messageId, String reference, String sourceLanguage, String targetLanguage, UUID keyId,
			int segmentCount, Instant createdAt, TaskState state, String translator, String reviewer, String approver,
			boolean viaEnglish, Instant updatedAt, Instant approvedAt, int version, UUID fileId, String mediaKind) {
		this.fileId = fileId;
		this.mediaKind = mediaKind;
		this.id = id;
		this.messageId = messageId;
		this.reference = reference;
		this.sourceLanguage = sourceLanguage;
		this.targetLanguage = targetLanguage;
		this.keyId = keyId;
		this.segmentCount = segmentCount;
		this.createdAt = createdAt;
		this.state = state;
		this.translator = translator;
		this.reviewer = reviewer;
		this.approver = approver;
		this.viaEnglish = viaEnglish;
		this.updatedAt = updatedAt;
		this.approvedAt = approvedAt;
		this.version = version;
	}

	/** A stored task with its pivot link: the English task it was translated through and that task's version. */
	TranslationTask(UUID id, UUID messageId, String reference, String sourceLanguage, String targetLanguage, UUID keyId,
			int segmentCount, Instant createdAt, TaskState state, String translator, String reviewer, String approver,
			boolean viaEnglish, Instant updatedAt, Instant approvedAt, int version, UUID fileId, String mediaKind,
			UUID pivotTaskId, Integer pivotVersion) {
		this(id, messageId, reference, sourceLanguage, targetLanguage, keyId, segmentCount, createdAt, state, translator,
				reviewer, approver, viaEnglish, updatedAt, approvedAt, version, fileId, mediaKind);
		this.pivotTaskId = pivotTaskId;
		this.pivotVersion = pivotVersion;
	}

	/** A new, open task for a message's translation into the target language. */
	static TranslationTask open(UUID messageId, String reference, String sourceLanguage, String targetLanguage,
			UUID keyId, int segmentCount, Instant now) {
		return new TranslationTask(UUID.randomUUID(), messageId, reference, sourceLanguage, targetLanguage, keyId,
				segmentCount, now, TaskState.OPEN, null, null, null, false, now, null, 0);
	}

	/** A new, open task for the transcript of one file of a message (kind: VIDEO, AUDIO, IMAGE or DOCUMENT). */
	static TranslationTask openForFile(UUID messageId, UUID fileId, String mediaKind, String reference,
			String sourceLanguage, String targetLanguage, UUID keyId, int segmentCount, Instant now) {
		return new TranslationTask(UUID.randomUUID(), messageId, reference, sourceLanguage, targetLanguage, keyId,
				segmentCount, now, TaskState.OPEN, null, null, null, false, now, null, 0, fileId, mediaKind);
	}

	/** A translator takes an open task; from now on only they see and edit its text. */
	void take(String user, Instant now) {
		require(state == TaskState.OPEN);
		translator = user;
		moveTo(TaskState.IN_PROGRESS, now);
	}

	/** The translator saves a draft: the task stays in progress. */
	void saveDraft(String user, boolean english, Instant now) {
		requireTranslator(user);
		require(state == TaskState.IN_PROGRESS);
		viaEnglish = english && isAlbanian();
		updatedAt = now;
	}

	/**
	 * Links this Albanian task to the English task it is translated through (a pivot chain), remembering the
	 * English task's version; or, with null, unlinks it.
	 */
	void linkPivot(TranslationTask english) {
		if (english == null || !viaEnglish) {
			pivotTaskId = null;
			pivotVersion = null;
			return;
		}
		require(isAlbanian() && ENGLISH.equals(english.targetLanguage()) && english.messageId().equals(messageId)
				&& english.state().isTranslated());
		pivotTaskId = english.id();
		pivotVersion = english.version();
	}

	/** The translator changes one segment: only their own task, only while it is in progress. */
	void requireEditableBy(String user) {
		requireTranslator(user);
		require(state == TaskState.IN_PROGRESS);
	}

	/** A reviewer who is not the translator changes or marks one segment while the task awaits review. */
	void requireReviewableBy(String user) {
		requireNotTranslator(user);
		require(state.awaitsReview());
	}

	/** The translator hands the finished translation in for review. */
	void submit(String user, boolean english, Instant now) {
		saveDraft(user, english, now);
		moveTo(TaskState.TRANSLATED, now);
	}

	/** A reviewer who is not the translator checked the translation. */
	void markReviewed(String user, Instant now) {
		requireNotTranslator(user);
		require(state == TaskState.TRANSLATED);
		reviewer = user;
		moveTo(TaskState.REVIEWED, now);
	}

	/** A reviewer who is not the translator approves the reviewed translation; it may now leave the organisation. */
	void approve(String user, Instant now) {
		approve(user, now, null);
	}

	/**
	 * As {@link #approve(String, Instant)}, for a task in a pivot chain: an Albanian translation made through
	 * English cannot be approved before its English pivot is (the pivot is given, or null when not linked).
	 */
	void approve(String user, Instant now, TranslationTask pivot) {
		requireNotTranslator(user);
		require(state == TaskState.REVIEWED);
		if (pivotTaskId != null && (pivot == null || pivot.state() != TaskState.APPROVED)) {
			throw new IllegalTransitionException("translation.error.pivotNotApproved");
		}
		approver = user;
		approvedAt = now;
		moveTo(TaskState.APPROVED, now);
	}

	/** A reviewer who is not the translator sends the translation back to its translator (with a comment). */
	void returnToTranslator(String user, Instant now) {
		requireNotTranslator(user);
		require(state.awaitsReview());
		reviewer = null;
		moveTo(TaskState.IN_PROGRESS, now);
	}

	/** Whether the user translates this task. */
	public boolean isTranslatedBy(String user) {
		return translator != null && translator.equals(user);
	}

	/** "rtl" for a source written right to left (Persian, Dari, Arabic...), else "ltr". */
	public String sourceDirection() {
		return new com.ibm.icu.util.ULocale(sourceLanguage).isRightToLeft() ? "rtl" : "ltr";
	}

	/**
	 * Whether this task moves the family message along: the Albanian translation, or the English one when the
	 * letter itself is in Albanian (then there is no Albanian task).
	 */
	public boolean carriesTheMessage() {
		return isAlbanian() || "sq".equals(sourceLanguage) && "en".equals(targetLanguage);
	}

	/** The file whose transcript this task translates; null for the letter's typed text. */
	public UUID fileId() {
		return fileId;
	}

	/** The kind of the file (VIDEO, AUDIO, IMAGE, DOCUMENT); null for the letter's typed text. */
	public String mediaKind() {
		return mediaKind;
	}

	/** Whether the segments are timed cues of a voice note or video (subtitles can be made of them). */
	public boolean isTimed() {
		return "VIDEO".equals(mediaKind) || "AUDIO".equals(mediaKind);
	}

	/** Whether the segments are lines of a scan or photo, each with its region on a page. */
	public boolean isScan() {
		return "IMAGE".equals(mediaKind) || "DOCUMENT".equals(mediaKind);
	}

	public boolean isAlbanian() {
		return ALBANIAN.equals(targetLanguage);
	}

	private void moveTo(TaskState next, Instant now) {
		state = next;
		updatedAt = now;
	}

	private static void require(boolean allowed) {
		if (!allowed) {
			throw new IllegalTransitionException();
		}
	}

	private void requireTranslator(String user) {
		if (!isTranslatedBy(user)) {
			throw new ForbiddenActionException("translation.error.notYourTask");
		}
	}

	private void requireNotTranslator(String user) {
		if (isTranslatedBy(user)) {
			throw new ForbiddenActionException("translation.error.ownWork");
		}
	}

	public UUID id() {
		return id;
	}

	public UUID messageId() {
		return messageId;
	}

	public String reference() {
		return reference;
	}

	public String sourceLanguage() {
		return sourceLanguage;
	}

	public String targetLanguage() {
		return targetLanguage;
	}

	UUID keyId() {
		return keyId;
	}

	public int segmentCount() {
		return segmentCount;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public TaskState state() {
		return state;
	}

	public String translator() {
		return translator;
	}

	public String reviewer() {
		return reviewer;
	}

	public String approver() {
		return approver;
	}

	public boolean viaEnglish() {
		return viaEnglish;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public Instant approvedAt() {
		return approvedAt;
	}

	int version() {
		return version;
	}

	/** The English task this Albanian task was translated through; null when it is not in a pivot chain. */
	public UUID pivotTaskId() {
		return pivotTaskId;
	}

	/** The English task's version when this task was last saved through it; null when not in a chain. */
	public Integer pivotVersion() {
		return pivotVersion;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TranslationTask task && id.equals(task.id);
	}

	@Override
	public int hashCode() {
		return Objects.hash(id);
	}

}
