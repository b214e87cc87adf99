package org.kinlink.media.transcripts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.kinlink.media.MediaKind;
import org.kinlink.media.Rendition;
import org.kinlink.media.files.RenditionStore;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.StoredBlob;
import org.kinlink.storage.Vault;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files as processing leaves them, made directly (upload and file rows, encrypted renditions) so that the
 * transcript tests do not depend on the processing steps.
 */
public final class MediaFixtures {

	private final JdbcClient jdbc;

	private final Vault vault;

	private final Blobs blobs;

	private final RenditionStore renditions;

	private MediaFixtures(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.vault = context.getBean(Vault.class);
		this.blobs = context.getBean(Blobs.class);
		this.renditions = context.getBean(RenditionStore.class);
	}

	public static MediaFixtures from(ApplicationContext context) {
		return new MediaFixtures(context);
	}

	/** A READY file of this kind; width, height, duration may be null. */
	public UUID file(MediaKind kind, String contentType, Integer width, Integer height, Long durationMs, int pages) {
		UUID keyId = vault.newKey();
		UUID uploadId = UUID.randomUUID();
		UUID fileId = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into media.upload (id, key_id, declared_length, received, created_at, expires_at, completed_at, claimed_at)
				values (?, ?, 1, 1, ?, ?, ?, ?)""")
			.params(uploadId, keyId, now, now, now, now)
			.update();
		jdbc.sql("""
				insert into media.file (id, message_id, upload_id, key_id, size, kind, content_type, status, width, height,
				duration_ms, pages, received_at, updated_at) values (?, ?, ?, ?, 1, ?, ?, 'READY', ?, ?, ?, ?, ?, ?)""")
			.params(fileId, UUID.randomUUID(), uploadId, keyId, kind.name(), contentType, width, height, durationMs, pages,
					now, now)
			.update();
		return fileId;
	}

	/** Saves an encrypted rendition of the file. */
	public void rendition(UUID fileId, Rendition rendition, byte[] bytes, String contentType, Integer width, Integer height) {
		UUID keyId = jdbc.sql("select key_id from media.file where id = ?").param(fileId).query(UUID.class).single();
		try (BlobWriter writer = blobs.create(keyId, "media.rendition")) {
			writer.write(bytes);
			StoredBlob blob = writer.commit();
			renditions.save(fileId, rendition, blob, contentType, width, height);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	public UUID messageOf(UUID fileId) {
		return jdbc.sql("select message_id from media.file where id = ?").param(fileId).query(UUID.class).single();
	}

}
