package org.kinlink.media.subtitles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.media.Rendition;
import org.kinlink.media.SubtitledCopies;
import org.kinlink.media.SubtitledCopyReady;
import org.kinlink.media.files.FileRecords;
import org.kinlink.media.files.RenditionStore;
import org.kinlink.media.processing.JobQueue;
import org.kinlink.media.processing.Steps;
import org.kinlink.storage.StoredBlob;
import org.kinlink.storage.Vault;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SubtitledCopies}: keeps the cues sealed under the file's key (media.subtitle_request) and queues
 * {@link Steps#BURN_SUBTITLES} with the language as parameter; the same cues again change nothing, new cues
 * queue the step again. When the step saved the copy, {@link SubtitledCopyReady} is published.
 */
@Service
class SubtitleRequests implements SubtitledCopies {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private final JdbcClient jdbc;

	private final FileRecords files;

	private final RenditionStore renditions;

	private final JobQueue jobs;

	private final Vault vault;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubtitleRequests(JdbcClient jdbc, FileRecords files, RenditionStore renditions, JobQueue jobs, Vault vault,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.renditions = renditions;
		this.jobs = jobs;
		this.vault = vault;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void request(UUID fileId, String language, List<Cue> cues) {
		if (language == null || !LANGUAGE.matcher(language).matches() || cues == null || cues.isEmpty()
				|| cues.stream().anyMatch(cue -> cue.text() == null || cue.startMs() < 0 || cue.endMs() <= cue.startMs())) {
			throw new IllegalArgumentException("subtitles need a language and cues with text and a positive duration");
		}
		UUID keyId = files.row(fileId).keyId();
		byte[] plain = CueCodec.encode(cues);
		String digest = sha256(plain);
		Optional<String> before = jdbc.sql("select cues_sha256 from media.subtitle_request where file_id = ? and language = ? for update")
			.params(fileId, language)
			.query(String.class)
			.optional();
		if (before.filter(digest::equals).isPresent()) {
			jobs.enqueue(fileId, Steps.BURN_SUBTITLES, language);
			return;
		}
		jdbc.sql("""
				insert into media.subtitle_request (file_id, language, sealed_cues, cues_sha256, cue_count, requested_at)
				values (?, ?, ?, ?, ?, ?) on conflict (file_id, language) do update set sealed_cues = excluded.sealed_cues,
				cues_sha256 = excluded.cues_sha256, cue_count = excluded.cue_count, requested_at = excluded.requested_at""")
			.params(fileId, language, vault.seal(keyId, plain, context(fileId, language)), digest, cues.size(),
					Timestamp.from(clock.instant()))
			.update();
		jobs.requeue(fileId, Steps.BURN_SUBTITLES, language);
		audit.record(AuditEvent.success("media.subtitles.request", "media_file", fileId)
			.withDetail(language + " " + cues.size()));
	}

	/** The cues last requested for a file in a language; empty if none. */
	List<Cue> cues(UUID fileId, String language) {
		UUID keyId = files.row(fileId).keyId();
		return jdbc.sql("select sealed_cues from media.subtitle_request where file_id = ? and language = ?")
			.params(fileId, language)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.map(sealed -> CueCodec.decode(vault.open(keyId, sealed, context(fileId, language))))
			.orElse(List.of());
	}

	/** Saves the copy as rendition SUBTITLED in the language (replacing an older one) and tells who waits for it. */
	@Transactional
	void saved(UUID fileId, String language, StoredBlob blob, Integer width, Integer height) {
		renditions.save(fileId, Rendition.subtitled(language), blob, "video/mp4", width, height);
		events.publishEvent(new SubtitledCopyReady(fileId, files.row(fileId).messageId(), language));
	}

	private static String context(UUID fileId, String language) {
		return "media.subtitles:" + fileId + ":" + language;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
