package org.kinlink.media.transcripts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.media.TranscriptApproved;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.storage.Vault;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The media.transcript and media.transcript_segment rows: segment text sealed under the file's key, every
 * staff change checked against the version the editor was opened at (and audited), approval publishing
 * {@link TranscriptApproved}. Engines (OCR, speech-to-text) replace a draft only while no one edited it,
 * unless staff asked for the import.
 */
@Component
public class TranscriptStore {

	static final String SYSTEM = "system";

	private static final String EDITED = "EDITED";

	private final JdbcClient jdbc;

	private final Vault vault;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TranscriptStore(JdbcClient jdbc, Vault vault, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The transcript of a file with its texts opened, if there is one (not audited: callers audit the read). */
	public Optional<TranscriptRecord> find(UUID fileId) {
		return header(fileId, false).map(header -> header.with(segments(fileId, keyOf(fileId))));
	}

	/**
	 * Puts an engine's reading in place of the draft, when there is no transcript yet or no one edited it (or
	 * when {@code force}: staff asked for the import, and the transcript is not approved).
	 * @return whether the segments were replaced
	 */
	@Transactional
	public boolean replaceByEngine(UUID fileId, String language, SegmentSource source, List<NewSegment> segments,
			boolean force) {
		TranscriptRecord current = lockOrCreate(fileId, language);
		if (current.approved() || (!force && current.edited())) {
			return false;
		}
		UUID keyId = keyOf(fileId);
		jdbc.sql("delete from media.transcript_segment where file_id = ?").param(fileId).update();
		int seq = 1;
		for (NewSegment segment : segments) {
			insert(fileId, keyId, seq++, segment);
		}
		jdbc.sql("""
				update media.transcript set source = ?, engine_state = ?, updated_at = ?, version = version + 1
				where file_id = ?""")
			.params(source.name(), (segments.isEmpty() ? EngineState.EMPTY : EngineState.DONE).name(), now(), fileId)
			.update();
		audit.recordAs(SYSTEM, AuditEvent.success("transcript.import", "media-file", fileId)
			.withDetail(source.name() + " " + segments.size()));
		return true;
	}

	/** Records what an engine could (not) do, keeping the segments; creates the draft if there is none. */
	@Transactional
	public void engineState(UUID fileId, String language, EngineState state) {
		lockOrCreate(fileId, language);
		jdbc.sql("update media.transcript set engine_state = ?, updated_at = ? where file_id = ?")
			.params(state.name(), now(), fileId)
			.update();
	}

	/** Saves staff's changes to existing segments. */
	@Transactional
	public void save(UUID fileId, int version, List<SegmentEdit> edits) {
		TranscriptRecord current = lockAt(fileId, version);
		current.requireDraft();
		UUID keyId = keyOf(fileId);
		for (SegmentEdit edit : edits) {
			jdbc.sql("""
					update media.transcript_segment set sealed_text = ?, start_ms = coalesce(?, start_ms),
					end_ms = coalesce(?, end_ms) where file_id = ? and seq = ?""")
				.params(vault.sealText(keyId, edit.text(), context(fileId)), edit.startMs(), edit.endMs(), fileId, edit.seq())
				.update();
		}
		renumber(fileId);
		changed(fileId, "transcript.update", String.valueOf(edits.size()));
	}

	/** Adds a segment typed by staff (creating the transcript if there was none: expected version 0). */
	@Transactional
	public void add(UUID fileId, String language, int version, NewSegment segment) {
		lockOrCreate(fileId, language);
		TranscriptRecord current = lockAt(fileId, version);
		current.requireDraft();
		int next = jdbc.sql("select coalesce(max(seq), 0) + 1 from media.transcript_segment where file_id = ?")
			.param(fileId)
			.query(Integer.class)
			.single();
		insert(fileId, keyOf(fileId), next, segment);
		renumber(fileId);
		changed(fileId, "transcript.add", null);
	}

	@Transactional
	public void delete(UUID fileId, int version, int seq) {
		TranscriptRecord current = lockAt(fileId, version);
		current.requireDraft();
		if (jdbc.sql("delete from media.transcript_segment where file_id = ? and seq = ?").params(fileId, seq).update() == 0) {
			throw new RecordNotFoundException();
		}
		renumber(fileId);
		changed(fileId, "transcript.delete", null);
	}

	/** Approves the draft for translation and publishes {@link TranscriptApproved}. */
	@Transactional
	public void approve(UUID fileId, int version, String actor) {
		lockAt(fileId, version);
		find(fileId).orElseThrow(RecordNotFoundException::new).requireApprovable();
		jdbc.sql("""
				update media.transcript set state = 'APPROVED', approved_by = ?, approved_at = ?, updated_at = ?,
				version = version + 1 where file_id = ?""")
			.params(actor, now(), now(), fileId)
			.update();
		audit.record(AuditEvent.success("transcript.approve", "media-file", fileId));
		UUID messageId = jdbc.sql("select message_id from media.file where id = ?").param(fileId).query(UUID.class).single();
		events.publishEvent(new TranscriptApproved(fileId, messageId));
	}

	/** Makes an approved transcript a draft again, so that staff can correct it (and approve it again). */
	@Transactional
	public void reopen(UUID fileId, int version) {
		lockAt(fileId, version).requireReopenable();
		jdbc.sql("""
				update media.transcript set state = 'DRAFT', approved_by = null, approved_at = null, updated_at = ?,
				version = version + 1 where file_id = ?""")
			.params(now(), fileId)
			.update();
		audit.record(AuditEvent.success("transcript.reopen", "media-file", fileId));
	}

	private void changed(UUID fileId, String action, String detail) {
		jdbc.sql("update media.transcript set source = ?, updated_at = ?, version = version + 1 where file_id = ?")
			.params(EDITED, now(), fileId)
			.update();
		AuditEvent event = AuditEvent.success(action, "media-file", fileId);
		audit.record(detail == null ? event : event.withDetail(detail));
	}

	/** The transcript row locked for this change, refused if another change came in since {@code version}. */
	private TranscriptRecord lockAt(UUID fileId, int version) {
		TranscriptRecord current = header(fileId, true).orElseThrow(() -> version == 0 ? new StaleTranscriptException()
				: new RecordNotFoundException());
		if (current.version() != version) {
			throw new StaleTranscriptException();
		}
		return current;
	}

	private TranscriptRecord lockOrCreate(UUID fileId, String language) {
		keyOf(fileId);
		jdbc.sql("""
				insert into media.transcript (file_id, language, state, source, updated_at, version)
				values (?, ?, 'DRAFT', 'MANUAL', ?, 0) on conflict (file_id) do nothing""")
			.params(fileId, language, now())
			.update();
		return header(fileId, true).orElseThrow();
	}

	private Optional<TranscriptRecord> header(UUID fileId, boolean lock) {
		return jdbc.sql("""
				select file_id, language, state, source, engine_state, version, approved_by, approved_at
				from media.transcript where file_id = ?""" + (lock ? " for update" : ""))
			.param(fileId)
			.query((rs, n) -> new TranscriptRecord(fileId, rs.getString("language"),
					TranscriptRecord.State.valueOf(rs.getString("state")), EngineState.valueOf(rs.getString("engine_state")),
					EDITED.equals(rs.getString("source")), rs.getInt("version"), rs.getString("approved_by"),
					rs.getTimestamp("approved_at") == null ? null : rs.getTimestamp("approved_at").toInstant(), List.of()))
			.optional();
	}

	private List<StoredSegment> segments(UUID fileId, UUID keyId) {
		return jdbc.sql("""
				select seq, sealed_text, page, x, y, width, height, start_ms, end_ms, confidence, source
				from media.transcript_segment where file_id = ? order by seq""")
			.param(fileId)
			.query((rs, n) -> segment(rs, vault.openText(keyId, rs.getBytes("sealed_text"), context(fileId))))
			.list();
	}

	private static StoredSegment segment(ResultSet rs, String text) throws SQLException {
		Number confidence = (Number) rs.getObject("confidence");
		return new StoredSegment(rs.getInt("seq"), text, (Integer) rs.getObject("page"), (Integer) rs.getObject("x"),
				(Integer) rs.getObject("y"), (Integer) rs.getObject("width"), (Integer) rs.getObject("height"),
				(Long) rs.getObject("start_ms"), (Long) rs.getObject("end_ms"),
				confidence == null ? null : confidence.floatValue(), SegmentSource.valueOf(rs.getString("source")));
	}

	private void insert(UUID fileId, UUID keyId, int seq, NewSegment segment) {
		jdbc.sql("""
				insert into media.transcript_segment (id, file_id, seq, sealed_text, page, x, y, width, height,
				start_ms, end_ms, confidence, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), fileId, seq, vault.sealText(keyId, segment.text(), context(fileId)), segment.page(),
					segment.x(), segment.y(), segment.width(), segment.height(), segment.startMs(), segment.endMs(),
					segment.confidence(), segment.source().name())
			.update();
	}

	/** Numbers segments 1..n again: cues by start, lines by page, each in their former order. */
	private void renumber(UUID fileId) {
		jdbc.sql("update media.transcript_segment set seq = -(seq + 1) where file_id = ?").param(fileId).update();
		jdbc.sql("""
				update media.transcript_segment s set seq = o.n from (select id, row_number() over
				(order by start_ms nulls last, page nulls last, seq desc) as n from media.transcript_segment
				where file_id = ?) o where s.id = o.id""")
			.param(fileId)
			.update();
	}

	private UUID keyOf(UUID fileId) {
		return jdbc.sql("select key_id from media.file where id = ?")
			.param(fileId)
			.query(UUID.class)
			.optional()
			.orElseThrow(RecordNotFoundException::new);
	}

	private static String context(UUID fileId) {
		return "media.transcript:" + fileId;
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

}
