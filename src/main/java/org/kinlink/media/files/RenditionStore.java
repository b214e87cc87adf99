package org.kinlink.media.files;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.media.Rendition;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.StoredBlob;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The renditions of files: saving one replaces (and deletes the blob of) an older one of the same kind. */
@Component
public class RenditionStore {

	private final JdbcClient jdbc;

	private final Blobs blobs;

	private final Clock clock;

	RenditionStore(JdbcClient jdbc, Blobs blobs, Clock clock) {
		this.jdbc = jdbc;
		this.blobs = blobs;
		this.clock = clock;
	}

	@Transactional
	public void save(UUID fileId, Rendition rendition, StoredBlob blob, String contentType, Integer width, Integer height) {
		find(fileId, rendition).ifPresent(old -> {
			jdbc.sql("delete from media.rendition where id = ?").param(old.id()).update();
			blobs.delete(old.blobId());
		});
		jdbc.sql("""
				insert into media.rendition (id, file_id, kind, page, language, blob_id, content_type, size, sha256,
				width, height, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), fileId, rendition.kind().name(), rendition.page(), rendition.language(),
					blob.id(), contentType, blob.size(), blob.sha256(), width, height, Timestamp.from(clock.instant()))
			.update();
	}

	public Optional<StoredRendition> find(UUID fileId, Rendition rendition) {
		return jdbc.sql("""
				select id, kind, page, language, blob_id, content_type, size, sha256, width, height from media.rendition
				where file_id = ? and kind = ? and page = ? and language = ?""")
			.params(fileId, rendition.kind().name(), rendition.page(), rendition.language())
			.query((rs, n) -> stored(rs))
			.optional();
	}

	public List<StoredRendition> list(UUID fileId) {
		return jdbc.sql("""
				select id, kind, page, language, blob_id, content_type, size, sha256, width, height from media.rendition
				where file_id = ? order by kind, page, language""")
			.param(fileId)
			.query((rs, n) -> stored(rs))
			.list();
	}

	private static StoredRendition stored(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new StoredRendition(rs.getObject("id", UUID.class),
				new Rendition(Rendition.Kind.valueOf(rs.getString("kind")), rs.getInt("page"), rs.getString("language")),
				rs.getObject("blob_id", UUID.class), rs.getString("content_type"), rs.getLong("size"),
				rs.getString("sha256"), (Integer) rs.getObject("width"), (Integer) rs.getObject("height"));
	}

	/** A saved rendition and where its bytes are. */
	public record StoredRendition(UUID id, Rendition rendition, UUID blobId, String contentType, long size,
			String sha256, Integer width, Integer height) {
	}

}
