package org.kinlink.testsupport;

import java.util.List;
import java.util.UUID;

import org.kinlink.media.MediaFile;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.Transcript;
import org.kinlink.media.TranscriptSegment;
import org.kinlink.media.Transcripts;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.storage.Vault;

import org.springframework.context.annotation.Fallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads transcripts from the media schema as {@link MediaFixtures} writes them (segments sealed under the
 * file's key with context "media.transcript:" + file id), for tests of modules built while the transcript
 * editor is written elsewhere. A fallback bean: the real {@link Transcripts} takes over wherever it exists.
 */
@Component
@Fallback
class FallbackTranscripts implements Transcripts {

	private final JdbcClient jdbc;

	private final Vault vault;

	private final MediaFiles files;

	FallbackTranscripts(JdbcClient jdbc, Vault vault, MediaFiles files) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.files = files;
	}

	@Override
	public Transcript transcript(UUID fileId) {
		MediaFile file = files.file(fileId);
		UUID keyId = jdbc.sql("select key_id from media.file where id = ?").param(fileId).query(UUID.class).single();
		record Head(String language, String state) {
		}
		Head head = jdbc.sql("select language, state from media.transcript where file_id = ?")
			.param(fileId)
			.query((rs, n) -> new Head(rs.getString(1), rs.getString(2)))
			.optional()
			.orElseThrow(RecordNotFoundException::new);
		List<TranscriptSegment> segments = jdbc.sql("""
				select seq, sealed_text, page, x, y, width, height, start_ms, end_ms from media.transcript_segment
				where file_id = ? order by seq""")
			.param(fileId)
			.query((rs, n) -> new TranscriptSegment(rs.getInt("seq"),
					vault.openText(keyId, rs.getBytes("sealed_text"), "media.transcript:" + fileId),
					(Integer) rs.getObject("page"),
					rs.getObject("x") == null ? null : new TranscriptSegment.Region(rs.getInt("x"), rs.getInt("y"),
							rs.getInt("width"), rs.getInt("height")),
					(Long) rs.getObject("start_ms"), (Long) rs.getObject("end_ms")))
			.list();
		return new Transcript(fileId, file.messageId(), file.kind(), head.language(), "APPROVED".equals(head.state()),
				segments);
	}

}
