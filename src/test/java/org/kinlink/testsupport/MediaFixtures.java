package org.kinlink.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.kinlink.media.MediaKind;
import org.kinlink.media.Rendition;
import org.kinlink.media.TranscriptApproved;
import org.kinlink.media.TranscriptSegment;
import org.kinlink.media.ffmpeg.Ffmpeg;
import org.kinlink.media.files.RenditionStore;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.StoredBlob;
import org.kinlink.storage.Vault;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts processed files straight into the media schema for tests of translation, subtitles and referrals: a
 * finished upload and its file row by SQL, renditions as encrypted blobs through {@link RenditionStore}, and
 * an approved transcript (segments sealed as the transcript editor seals them). Independent of the upload,
 * processing and transcript code.
 */
public final class MediaFixtures {

	private static volatile byte[] testVideo;

	private final JdbcClient jdbc;

	private final Blobs blobs;

	private final Vault vault;

	private final RenditionStore renditions;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Ffmpeg ffmpeg;

	private MediaFixtures(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.blobs = context.getBean(Blobs.class);
		this.vault = context.getBean(Vault.class);
		this.renditions = context.getBean(RenditionStore.class);
		this.events = context;
		this.transactions = context.getBean(TransactionTemplate.class);
		this.ffmpeg = context.getBean(Ffmpeg.class);
	}

	public static MediaFixtures from(ApplicationContext context) {
		return new MediaFixtures(context);
	}

	/** A READY file of the message; width, height and duration may be null. */
	public UUID file(UUID messageId, MediaKind kind, String contentType, Integer width, Integer height, Long durationMs,
			int pages) {
		UUID uploadId = UUID.randomUUID();
		UUID fileId = UUID.randomUUID();
		UUID keyId = vault.newKey();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into media.upload (id, key_id, declared_length, received, created_at, expires_at, completed_at,
				claimed_at) values (?, ?, 1, 1, ?, ?, ?, ?)""")
			.params(uploadId, keyId, now, now, now, now)
			.update();
		jdbc.sql("""
				insert into media.file (id, message_id, upload_id, key_id, size, sha256, kind, content_type, status, width,
				height, duration_ms, pages, received_at, updated_at) values (?, ?, ?, ?, 1, ?, ?, ?, 'READY', ?, ?, ?, ?, ?, ?)""")
			.params(fileId, messageId, uploadId, keyId, "0".repeat(64), kind.name(), contentType, width, height, durationMs,
					pages, now, now)
			.update();
		return fileId;
	}

	/** Stores the bytes as a rendition of the file. */
	public StoredBlob rendition(UUID fileId, Rendition rendition, byte[] bytes, String contentType, Integer width,
			Integer height) {
		UUID keyId = jdbc.sql("select key_id from media.file where id = ?").param(fileId).query(UUID.class).single();
		StoredBlob blob;
		try (BlobWriter writer = blobs.create(keyId, "media.rendition")) {
			writer.write(bytes);
			blob = writer.commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		renditions.save(fileId, rendition, blob, contentType, width, height);
		return blob;
	}

	/** A video file (320x240, 3 s, with sound) with its WORKING copy. */
	public UUID video(UUID messageId) {
		UUID fileId = file(messageId, MediaKind.VIDEO, "video/mp4", 320, 240, 3000L, 0);
		rendition(fileId, Rendition.of(Rendition.Kind.WORKING), testVideo(), "video/mp4", 320, 240);
		return fileId;
	}

	/** A scan of one page (a PNG 400x300) with its PAGE 1 rendition. */
	public UUID scan(UUID messageId) {
		UUID fileId = file(messageId, MediaKind.IMAGE, "image/png", 400, 300, null, 1);
		rendition(fileId, Rendition.page(1), page(400, 300), "image/png", 400, 300);
		return fileId;
	}

	/** An approved (or draft) transcript of the file in the given language. */
	public void transcript(UUID fileId, String language, boolean approved, List<TranscriptSegment> segments) {
		UUID keyId = jdbc.sql("select key_id from media.file where id = ?").param(fileId).query(UUID.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into media.transcript (file_id, language, state, source, approved_by, approved_at, updated_at)
				values (?, ?, ?, 'MANUAL', ?, ?, ?)""")
			.params(fileId, language, approved ? "APPROVED" : "DRAFT", approved ? "ivy" : null, approved ? now : null, now)
			.update();
		for (TranscriptSegment segment : segments) {
			TranscriptSegment.Region region = segment.region();
			jdbc.sql("""
					insert into media.transcript_segment (id, file_id, seq, sealed_text, page, x, y, width, height,
					start_ms, end_ms, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'MANUAL')""")
				.params(UUID.randomUUID(), fileId, segment.seq(),
						vault.sealText(keyId, segment.text(), "media.transcript:" + fileId), segment.page(),
						region == null ? null : region.x(), region == null ? null : region.y(),
						region == null ? null : region.width(), region == null ? null : region.height(),
						segment.startMs(), segment.endMs())
				.update();
		}
	}

	/** Publishes {@link TranscriptApproved} as the transcript editor does, in a committed transaction. */
	public void announceApproved(UUID fileId, UUID messageId) {
		transactions.executeWithoutResult(status -> events.publishEvent(new TranscriptApproved(fileId, messageId)));
	}

	/** A 3-second 320x240 H.264/AAC fragmented MP4 made with ffmpeg's test sources (made once per test run). */
	public byte[] testVideo() {
		if (testVideo == null) {
			ByteArrayOutputStream mp4 = new ByteArrayOutputStream();
			try {
				Ffmpeg.Result made = ffmpeg.ffmpeg(List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=3",
						"-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:v", "libx264", "-preset", "ultrafast",
						"-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags",
						"frag_keyframe+empty_moov+default_base_moof", "-f", "mp4", "pipe:1"), null, mp4,
						Duration.ofSeconds(60));
				if (!made.ok()) {
					throw new IllegalStateException(made.stderrTail());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			testVideo = mp4.toByteArray();
		}
		return testVideo;
	}

	/** A page image: light paper with a dark bar where a line of writing would be. */
	public static byte[] page(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(250, 248, 240));
		g.fillRect(0, 0, width, height);
		g.setColor(new Color(30, 30, 90));
		g.fillRect(40, 50, width - 80, 20);
		g.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

}
