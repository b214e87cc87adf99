package org.kinlink.media.files;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.kinlink.media.MediaKind;
import org.kinlink.media.MediaQuarantined;
import org.kinlink.media.MediaReady;
import org.kinlink.media.MediaStatus;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The media.file rows as processing steps see and change them: the original, the facts found, the status.
 * Status changes publish {@link MediaReady} and {@link MediaQuarantined} exactly once.
 */
@Component
public class FileRecords {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	FileRecords(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	public FileRow row(UUID fileId) {
		return jdbc.sql("""
				select id, message_id, upload_id, key_id, original_blob_id, size, sha256, kind, content_type, status,
				width, height, duration_ms, pages from media.file where id = ?""")
			.param(fileId)
			.query((rs, n) -> new FileRow(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
					rs.getObject("upload_id", UUID.class), rs.getObject("key_id", UUID.class),
					rs.getObject("original_blob_id", UUID.class), rs.getLong("size"), rs.getString("sha256"),
					MediaKind.valueOf(rs.getString("kind")), rs.getString("content_type"),
					MediaStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("width"),
					(Integer) rs.getObject("height"), (Long) rs.getObject("duration_ms"), rs.getInt("pages")))
			.optional()
			.orElseThrow(RecordNotFoundException::new);
	}

	@Transactional
	public void original(UUID fileId, UUID blobId, long size, String sha256) {
		jdbc.sql("update media.file set original_blob_id = ?, size = ?, sha256 = ?, updated_at = ? where id = ?")
			.params(blobId, size, sha256, now(), fileId)
			.update();
	}

	@Transactional
	public void kind(UUID fileId, MediaKind kind, String contentType) {
		jdbc.sql("update media.file set kind = ?, content_type = ?, updated_at = ? where id = ?")
			.params(kind.name(), contentType, now(), fileId)
			.update();
	}

	/** Facts found while processing; nulls leave a fact as it was. */
	@Transactional
	public void facts(UUID fileId, Integer width, Integer height, Long durationMs, Integer pages) {
		jdbc.sql("""
				update media.file set width = coalesce(?, width), height = coalesce(?, height),
				duration_ms = coalesce(?, duration_ms), pages = coalesce(?, pages), updated_at = ? where id = ?""")
			.params(width, height, durationMs, pages, now(), fileId)
			.update();
	}

	@Transactional
	public void processing(UUID fileId) {
		jdbc.sql("update media.file set status = 'PROCESSING', updated_at = ? where id = ? and status = 'RECEIVED'")
			.params(now(), fileId)
			.update();
	}

	/** READY once, when no job of the file is left and it was not quarantined. */
	@Transactional
	public void readyIfDone(UUID fileId) {
		int updated = jdbc.sql("""
				update media.file f set status = 'READY', updated_at = ? where id = ? and status in ('RECEIVED', 'PROCESSING')
				and not exists (select 1 from media.job j where j.file_id = f.id and j.state in ('PENDING', 'RUNNING'))""")
			.params(now(), fileId)
			.update();
		if (updated == 1) {
			events.publishEvent(new MediaReady(fileId, row(fileId).messageId()));
		}
	}

	@Transactional
	public void quarantine(UUID fileId, String problemKey) {
		int updated = jdbc.sql("update media.file set status = 'QUARANTINED', problem = ?, updated_at = ? where id = ? and status <> 'QUARANTINED'")
			.params(problemKey, now(), fileId)
			.update();
		if (updated == 1) {
			events.publishEvent(new MediaQuarantined(fileId, row(fileId).messageId()));
		}
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	/** A media.file row. */
	public record FileRow(UUID id, UUID messageId, UUID uploadId, UUID keyId, UUID originalBlobId, long size,
			String sha256, MediaKind kind, String contentType, MediaStatus status, Integer width, Integer height,
			Long durationMs, int pages) {
	}

}
