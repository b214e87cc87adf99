package org.kinlink.translation.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks, their sealed segments and sealed comments in the translation schema. */
@Repository
class TaskRepository {

	private static final String COLUMNS = """
			id, message_id, reference, source_language, target_language, key_id, segment_count, created_at, state,
			translator, reviewer, approver, via_english, updated_at, approved_at, version, file_id, media_kind,
			pivot_task_id, pivot_version""";

	private final JdbcClient jdbc;

	TaskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the task unless the message already has one for that target; says whether it inserted. */
	boolean insertIfAbsent(TranslationTask task) {
		return jdbc.sql("""
				insert into translation.task (id, message_id, reference, source_language, target_language, key_id,
				    segment_count, created_at, state, via_english, updated_at, version, file_id, media_kind)
				values (:id, :messageId, :reference, :sourceLanguage, :targetLanguage, :keyId,
				    :segmentCount, :createdAt, :state, false, :updatedAt, 0, :fileId, :mediaKind)
				on conflict do nothing
				""")
			.param("fileId", task.fileId())
			.param("mediaKind", task.mediaKind())
			.param("id", task.id())
			.param("messageId", task.messageId())
			.param("reference", task.reference())
			.param("sourceLanguage", task.sourceLanguage())
			.param("targetLanguage", task.targetLanguage())
			.param("keyId", task.keyId())
			.param("segmentCount", task.segmentCount())
			.param("createdAt", Timestamp.from(task.createdAt()))
			.param("state", task.state().name())
			.param("updatedAt", Timestamp.from(task.updatedAt()))
			.update() == 1;
	}

	/** Writes the task's state; refuses if someone else changed it since it was read. */
	void update(TranslationTask task) {
		int updated = jdbc.sql("""
				update translation.task set state = :state, translator = :translator, reviewer = :reviewer,
				    approver = :approver, via_english = :viaEnglish, updated_at = :updatedAt, approved_at = :approvedAt,
				    pivot_task_id = :pivotTaskId, pivot_version = :pivotVersion, version = version + 1
				where id = :id and version = :version
				""")
			.param("state", task.state().name())
			.param("translator", task.translator())
			.param("reviewer", task.reviewer())
			.param("approver", task.approver())
			.param("viaEnglish", task.viaEnglish())
			.param("pivotTaskId", task.pivotTaskId())
			.param("pivotVersion", task.pivotVersion())
			.param("updatedAt", Timestamp.from(task.updatedAt()))
			.param("approvedAt", task.approvedAt() == null ? null : Timestamp.from(task.approvedAt()))
			.param("id", task.id())
			.param("version", task.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("translation task changed concurrently");
		}
	}

	Optional<TranslationTask> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from translation.task where id = ?").param(id).query(this::task).optional();
	}

	/** The task of the letter's typed text in that target language. */
	Optional<TranslationTask> find(UUID messageId, String targetLanguage) {
		return jdbc.sql("select " + COLUMNS + " from translation.task where message_id = ? and target_language = ? "
				+ "and file_id is null")
			.params(messageId, targetLanguage)
			.query(this::task)
			.optional();
	}

	/** The task of a file's transcript in that target language. */
	Optional<TranslationTask> findForFile(UUID fileId, String targetLanguage) {
		return jdbc.sql("select " + COLUMNS + " from translation.task where file_id = ? and target_language = ?")
			.params(fileId, targetLanguage)
			.query(this::task)
			.optional();
	}

	/** All tasks of a message, the typed text's first, then the files' in the order they were opened. */
	List<TranslationTask> forMessage(UUID messageId) {
		return jdbc.sql("select " + COLUMNS + " from translation.task where message_id = ? "
				+ "order by file_id is not null, created_at, target_language")
			.param(messageId)
			.query(this::task)
			.list();
	}

	/** Whether the message's typed text has its tasks. */
	boolean existsFor(UUID messageId) {
		return jdbc.sql("select count(*) from translation.task where message_id = ? and file_id is null")
			.param(messageId)
			.query(Long.class).single() > 0;
	}

	boolean existsForFile(UUID fileId) {
		return jdbc.sql("select count(*) from translation.task where file_id = ?").param(fileId)
			.query(Long.class).single() > 0;
	}

	List<TranslationTask> open(int limit) {
		return jdbc.sql("select " + COLUMNS + " from translation.task where state = 'OPEN' order by created_at limit ?")
			.param(limit)
			.query(this::task)
			.list();
	}

	List<TranslationTask> translatedBy(String user, int limit) {
		return jdbc.sql("select " + COLUMNS + " from translation.task where translator = ? "
				+ "order by state = 'APPROVED', updated_at desc limit ?").params(user, limit).query(this::task).list();
	}

	List<TranslationTask> awaitingReviewBy(String user, int limit) {
		return jdbc.sql("select " + COLUMNS + " from translation.task where state in ('TRANSLATED', 'REVIEWED') "
				+ "and translator <> ? order by updated_at limit ?").params(user, limit).query(this::task).list();
	}

	List<UUID> messagesWithApprovedTask() {
		return jdbc.sql("select message_id from translation.task where state = 'APPROVED' "
				+ "group by message_id order by max(approved_at) desc").query(UUID.class).list();
	}

	void insertSegments(UUID taskId, List<byte[]> sealedSources, List<TaskSegment.Place> places) {
		for (int position = 0; position < sealedSources.size(); position++) {
			TaskSegment.Place place = places == null ? null : places.get(position);
			jdbc.sql("""
					insert into translation.segment (task_id, position, source, start_ms, end_ms, page, region_x,
					region_y, region_width, region_height) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(taskId, position, sealedSources.get(position), place == null ? null : place.startMs(),
						place == null ? null : place.endMs(), place == null ? null : place.page(),
						place == null ? null : place.x(), place == null ? null : place.y(),
						place == null ? null : place.width(), place == null ? null : place.height())
				.update();
		}
	}

	List<SealedSegment> segments(UUID taskId) {
		return jdbc.sql("""
				select position, source, target, start_ms, end_ms, page, region_x, region_y, region_width, region_height
				from translation.segment where task_id = ? order by position""")
			.param(taskId)
			.query((rs, n) -> new SealedSegment(rs.getInt("position"), rs.getBytes("source"), rs.getBytes("target"),
					place(rs)))
			.list();
	}

	private static TaskSegment.Place place(ResultSet rs) throws SQLException {
		Long start = (Long) rs.getObject("start_ms");
		Integer page = (Integer) rs.getObject("page");
		if (start == null && page == null) {
			return null;
		}
		return new TaskSegment.Place(start, (Long) rs.getObject("end_ms"), page, (Integer) rs.getObject("region_x"),
				(Integer) rs.getObject("region_y"), (Integer) rs.getObject("region_width"),
				(Integer) rs.getObject("region_height"));
	}

	void updateTarget(UUID taskId, int position, byte[] sealedTarget) {
		jdbc.sql("update translation.segment set target = ? where task_id = ? and position = ?")
			.params(sealedTarget, taskId, position)
			.update();
	}

	/** The segments' targets and trails as stored (sealed texts), locked for an update when asked. */
	List<SealedTrail> trails(UUID taskId, boolean lock) {
		return jdbc.sql("""
				select position, target, revision, provenance, provenance_score, provenance_label, translator_target,
				    review_mark, review_note
				from translation.segment where task_id = ? order by position""" + (lock ? " for update" : ""))
			.param(taskId)
			.query((rs, n) -> new SealedTrail(rs.getInt("position"), rs.getBytes("target"), rs.getInt("revision"),
					rs.getString("provenance"), (Integer) rs.getObject("provenance_score"),
					rs.getString("provenance_label"), rs.getBytes("translator_target"), rs.getString("review_mark"),
					rs.getBytes("review_note")))
			.list();
	}

	/**
	 * Writes one segment's target and trail if its revision is still the expected one, raising the revision;
	 * says whether it wrote.
	 */
	boolean writeSegment(UUID taskId, SealedTrail segment, int expectedRevision) {
		return jdbc.sql("""
				update translation.segment set target = :target, revision = revision + 1, provenance = :provenance,
				    provenance_score = :score, provenance_label = :label, translator_target = :translatorTarget,
				    review_mark = :mark, review_note = :note
				where task_id = :taskId and position = :position and revision = :revision""")
			.param("target", segment.target())
			.param("provenance", segment.provenance())
			.param("score", segment.score())
			.param("label", segment.label())
			.param("translatorTarget", segment.translatorTarget())
			.param("mark", segment.mark())
			.param("note", segment.note())
			.param("taskId", taskId)
			.param("position", segment.position())
			.param("revision", expectedRevision)
			.update() == 1;
	}

	/** How many segments of the task the reviewer queried. */
	int queried(UUID taskId) {
		return jdbc.sql("select count(*) from translation.segment where task_id = ? and review_mark = 'QUERIED'")
			.param(taskId).query(Integer.class).single();
	}

	/** The Albanian tasks translated through this English task. */
	List<TranslationTask> throughPivot(UUID englishTaskId) {
		return jdbc.sql("select " + COLUMNS + " from translation.task where pivot_task_id = ? order by created_at")
			.param(englishTaskId).query(this::task).list();
	}

	void insertComment(UUID id, UUID taskId, String author, Instant at, byte[] sealedComment) {
		jdbc.sql("insert into translation.task_comment (id, task_id, author, written_at, comment) values (?, ?, ?, ?, ?)")
			.params(id, taskId, author, Timestamp.from(at), sealedComment)
			.update();
	}

	List<SealedComment> comments(UUID taskId) {
		return jdbc.sql("select id, author, written_at, comment from translation.task_comment where task_id = ? "
				+ "order by written_at desc")
			.param(taskId)
			.query((rs, n) -> new SealedComment(rs.getObject("id", UUID.class), rs.getString("author"),
					rs.getTimestamp("written_at").toInstant(), rs.getBytes("comment")))
			.list();
	}

	private TranslationTask task(ResultSet rs, int row) throws SQLException {
		Timestamp approvedAt = rs.getTimestamp("approved_at");
		return new TranslationTask(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
				rs.getString("reference"), rs.getString("source_language"), rs.getString("target_language"),
				rs.getObject("key_id", UUID.class), rs.getInt("segment_count"), rs.getTimestamp("created_at").toInstant(),
				TaskState.valueOf(rs.getString("state")), rs.getString("translator"), rs.getString("reviewer"),
				rs.getString("approver"), rs.getBoolean("via_english"), rs.getTimestamp("updated_at").toInstant(),
				approvedAt == null ? null : approvedAt.toInstant(), rs.getInt("version"),
				rs.getObject("file_id", UUID.class), rs.getString("media_kind"), rs.getObject("pivot_task_id", UUID.class),
				(Integer) rs.getObject("pivot_version"));
	}

	/** A segment as stored: Vault ciphertexts only. */
	record SealedSegment(int position, byte[] source, byte[] target, TaskSegment.Place place) {
	}

	/** A segment's target and trail as stored: texts are Vault ciphertext. */
	record SealedTrail(int position, byte[] target, int revision, String provenance, Integer score, String label,
			byte[] translatorTarget, String mark, byte[] note) {
	}

	/** A reviewer's comment as stored: the text is Vault ciphertext. */
	record SealedComment(UUID id, String author, Instant writtenAt, byte[] comment) {
	}

}
