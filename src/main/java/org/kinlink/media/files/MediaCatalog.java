package org.kinlink.media.files;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kinlink.media.MediaContent;
import org.kinlink.media.MediaFile;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.MediaKind;
import org.kinlink.media.MediaStatus;
import org.kinlink.media.Rendition;
import org.kinlink.media.UploadsNotReadyException;
import org.kinlink.media.processing.JobQueue;
import org.kinlink.media.processing.Steps;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.storage.Blobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link MediaFiles}: files claimed from finished uploads, with their renditions. */
@Service
class MediaCatalog implements MediaFiles {

	private final JdbcClient jdbc;

	private final JobQueue jobs;

	private final RenditionStore renditions;

	private final Blobs blobs;

	private final Clock clock;

	MediaCatalog(JdbcClient jdbc, JobQueue jobs, RenditionStore renditions, Blobs blobs, Clock clock) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.renditions = renditions;
		this.blobs = blobs;
		this.clock = clock;
	}

	@Override
	@Transactional
	public List<UUID> attach(UUID messageId, List<UUID> uploadIds) {
		if (uploadIds.stream().distinct().count() != uploadIds.size()) {
			throw new UploadsNotReadyException();
		}
		Instant now = clock.instant();
		List<UUID> files = new ArrayList<>();
		for (UUID uploadId : uploadIds) {
			Upload upload = jdbc.sql("""
					select key_id, received from media.upload where id = ? and completed_at is not null
					and claimed_at is null and expires_at > ? for update""")
				.params(uploadId, Timestamp.from(now))
				.query((rs, n) -> new Upload(rs.getObject("key_id", UUID.class), rs.getLong("received")))
				.optional()
				.orElseThrow(UploadsNotReadyException::new);
			jdbc.sql("update media.upload set claimed_at = ? where id = ?").params(Timestamp.from(now), uploadId).update();
			UUID fileId = UUID.randomUUID();
			jdbc.sql("""
					insert into media.file (id, message_id, upload_id, key_id, size, received_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(fileId, messageId, uploadId, upload.keyId(), upload.received(), Timestamp.from(now),
						Timestamp.from(now))
				.update();
			jobs.enqueue(fileId, Steps.ASSEMBLE, "");
			files.add(fileId);
		}
		return files;
	}

	private record Upload(UUID keyId, long received) {
	}

	@Override
	public List<MediaFile> forMessage(UUID messageId) {
		return jdbc.sql("select id from media.file where message_id = ? order by received_at, id")
			.param(messageId)
			.query(UUID.class)
			.list()
			.stream()
			.map(this::file)
			.toList();
	}

	@Override
	public MediaFile file(UUID fileId) {
		return jdbc.sql("""
				select id, message_id, kind, status, problem, size, sha256, content_type, width, height, duration_ms,
				pages, received_at from media.file where id = ?""")
			.param(fileId)
			.query((rs, n) -> new MediaFile(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
					MediaKind.valueOf(rs.getString("kind")), MediaStatus.valueOf(rs.getString("status")),
					rs.getString("problem"), rs.getLong("size"), rs.getString("sha256"), rs.getString("content_type"),
					(Integer) rs.getObject("width"), (Integer) rs.getObject("height"), (Long) rs.getObject("duration_ms"),
					rs.getInt("pages"), rs.getTimestamp("received_at").toInstant(),
					renditions.list(fileId).stream().map(RenditionStore.StoredRendition::rendition).toList()))
			.optional()
			.orElseThrow(RecordNotFoundException::new);
	}

	@Override
	public MediaContent content(UUID fileId, Rendition rendition) {
		RenditionStore.StoredRendition stored = renditions.find(fileId, rendition).orElseThrow(RecordNotFoundException::new);
		if (file(fileId).status() == MediaStatus.QUARANTINED) {
			throw new RecordNotFoundException();
		}
		return new MediaContent(stored.contentType(), stored.size(), stored.sha256(), () -> blobs.openSeekable(stored.blobId()));
	}

}
