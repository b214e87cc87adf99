package org.kinlink.media.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.kinlink.media.MediaFile;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.MediaKind;
import org.kinlink.media.MediaStatus;
import org.kinlink.media.Rendition;
import org.kinlink.storage.Blobs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job pipeline: each kind of file through its steps, retries with back-off and quarantine, idempotent
 * steps, and claims that never hand the same job to two workers.
 */
@MediaTest
class PipelineTests {

	@Autowired
	MediaFixtures fixtures;

	@Autowired
	MediaFiles media;

	@Autowired
	JobQueue queue;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Blobs blobs;

	@Autowired
	TransactionTemplate transaction;

	byte[] png() {
		return fixtures.ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:duration=1", "-frames:v", "1", "-c:v", "png",
				"-f", "image2pipe");
	}

	List<String> steps(UUID fileId) {
		return jdbc.sql("select step || ':' || state from media.job where file_id = ? order by created_at")
			.param(fileId)
			.query(String.class)
			.list();
	}

	@Test
	void aPictureGoesThroughAssembleSniffAndImageAndIsReady() {
		UUID fileId = fixtures.file(png(), "a.png");

		fixtures.drain();

		assertThat(steps(fileId)).containsExactly("assemble:DONE", "sniff:DONE", "image:DONE", "ocr:DONE");
		MediaFile file = media.file(fileId);
		assertThat(file.status()).isEqualTo(MediaStatus.READY);
		assertThat(file.sha256()).hasSize(64);
		assertThat(file.width()).isEqualTo(64);
		assertThat(jdbc.sql("select count(*) from media.upload_part p join media.file f on f.upload_id = p.upload_id where f.id = ?")
			.param(fileId).query(Integer.class).single()).isZero();
	}

	@Test
	void aVoiceNoteBecomesAacWithoutItsTitle() {
		byte[] m4a = fixtures.ffmpegToFile("m4a", "-f", "lavfi", "-i", "sine=duration=2", "-c:a", "aac", "-metadata",
				"title=Kinlink voice title");

		UUID fileId = fixtures.processed(m4a, "voice.m4a");

		MediaFile file = media.file(fileId);
		assertThat(file.status()).isEqualTo(MediaStatus.READY);
		assertThat(file.kind()).isEqualTo(MediaKind.AUDIO);
		assertThat(file.durationMs()).isBetween(1900L, 2100L);
		assertThat(media.content(fileId, Rendition.of(Rendition.Kind.WORKING)).contentType()).isEqualTo("audio/mp4");
		assertThat(Fixtures.contains(fixtures.bytes(fileId, Rendition.of(Rendition.Kind.WORKING)), "Kinlink")).isFalse();
		assertThat(steps(fileId)).contains("audio:DONE", "transcribe:DONE");
	}

	@Test
	void anOpusVoiceNoteAndAnMp3AreSound() {
		byte[] opus = fixtures.ffmpeg("-f", "lavfi", "-i", "sine=duration=1", "-c:a", "libopus", "-f", "ogg");
		byte[] mp3 = fixtures.ffmpeg("-f", "lavfi", "-i", "sine=duration=1", "-c:a", "libmp3lame", "-f", "mp3");

		UUID fromOpus = fixtures.processed(opus, "voice.opus");
		UUID fromMp3 = fixtures.processed(mp3, "voice.mp3");

		assertThat(media.file(fromOpus).kind()).isEqualTo(MediaKind.AUDIO);
		assertThat(media.file(fromOpus).status()).isEqualTo(MediaStatus.READY);
		assertThat(media.file(fromMp3).contentType()).isEqualTo("audio/mpeg");
		assertThat(media.file(fromMp3).status()).isEqualTo(MediaStatus.READY);
	}

	@Test
	void aPdfIsRenderedPageByPageInAChildProcess() throws Exception {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument()) {
			for (int i = 1; i <= 2; i++) {
				PDPage page = new PDPage();
				document.addPage(page);
				try (PDPageContentStream text = new PDPageContentStream(document, page)) {
					text.beginText();
					text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
					text.newLineAtOffset(72, 700);
					text.showText("Page " + i);
					text.endText();
				}
			}
			document.getDocumentInformation().setAuthor("Kinlink author");
			document.save(pdf);
		}

		UUID fileId = fixtures.processed(pdf.toByteArray(), "letter.pdf");

		MediaFile file = media.file(fileId);
		assertThat(file.status()).isEqualTo(MediaStatus.READY);
		assertThat(file.kind()).isEqualTo(MediaKind.DOCUMENT);
		assertThat(file.pages()).isEqualTo(2);
		assertThat(file.renditions()).contains(Rendition.page(1), Rendition.page(2), Rendition.of(Rendition.Kind.THUMBNAIL))
			.doesNotContain(Rendition.of(Rendition.Kind.WORKING));
		byte[] page = fixtures.bytes(fileId, Rendition.page(1));
		assertThat(page).startsWith(0x89, 'P', 'N', 'G');
		assertThat(Fixtures.contains(page, "Kinlink")).isFalse();
		assertThat(fixtures.probe(fileId, Rendition.page(1))).contains("width=2550");
	}

	@Test
	void aDamagedPdfIsQuarantined() {
		UUID fileId = fixtures.processed("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(), "letter.pdf");

		assertThat(media.file(fileId).status()).isEqualTo(MediaStatus.QUARANTINED);
		assertThat(media.file(fileId).problemKey()).isEqualTo("media.problem.damaged");
	}

	@Test
	void aFailingStepIsRetriedWithGrowingBackOffThenTheFileIsQuarantined() {
		UUID fileId = fixtures.file(png(), "a.png");
		// the upload's only part is lost from the store: assembling fails every time
		UUID part = jdbc.sql("select p.blob_id from media.upload_part p join media.file f on f.upload_id = p.upload_id where f.id = ?")
			.param(fileId).query(UUID.class).single();
		blobs.delete(part);

		List<Long> backOffs = new java.util.ArrayList<>();
		for (int attempt = 1; attempt <= 5; attempt++) {
			fixtures.drain();
			var job = jdbc.sql("select state, attempts, run_after, updated_at, last_error from media.job where file_id = ? and step = 'assemble'")
				.param(fileId)
				.query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5) })
				.single();
			assertThat(job[1]).isEqualTo(attempt);
			assertThat((String) job[4]).isNotBlank();
			if (attempt < 5) {
				assertThat(job[0]).isEqualTo("PENDING");
				assertThat(media.file(fileId).status()).isNotEqualTo(MediaStatus.QUARANTINED);
				backOffs.add(Duration.between((Instant) job[3], (Instant) job[2]).toSeconds());
				// time passes: the back-off is over
				jdbc.sql("update media.job set run_after = run_after - interval '2 hours' where file_id = ?").param(fileId).update();
			}
			else {
				assertThat(job[0]).isEqualTo("FAILED");
			}
		}

		assertThat(backOffs).containsExactly(4L, 16L, 64L, 256L);
		assertThat(media.file(fileId).status()).isEqualTo(MediaStatus.QUARANTINED);
		assertThat(media.file(fileId).problemKey()).isEqualTo("media.problem.processingFailed");
	}

	@Test
	void runningAStepAgainChangesNothing() {
		UUID fileId = fixtures.processed(png(), "a.png");
		UUID original = jdbc.sql("select original_blob_id from media.file where id = ?").param(fileId).query(UUID.class).single();
		UUID keyId = jdbc.sql("select key_id from media.file where id = ?").param(fileId).query(UUID.class).single();
		int blobsBefore = jdbc.sql("select count(*) from storage.blob where key_id = ?").param(keyId).query(Integer.class).single();
		List<Rendition> renditions = media.file(fileId).renditions();

		queue.requeue(fileId, Steps.ASSEMBLE, "");
		queue.requeue(fileId, Steps.SNIFF, "");
		queue.requeue(fileId, Steps.IMAGE, "");
		fixtures.drain();

		assertThat(jdbc.sql("select original_blob_id from media.file where id = ?").param(fileId).query(UUID.class).single())
			.isEqualTo(original);
		assertThat(media.file(fileId).renditions()).containsExactlyInAnyOrderElementsOf(renditions);
		assertThat(jdbc.sql("select count(*) from storage.blob where key_id = ?").param(keyId).query(Integer.class).single())
			.isEqualTo(blobsBefore);
		assertThat(media.file(fileId).status()).isEqualTo(MediaStatus.READY);
	}

	@Test
	void twoClaimersNeverGetTheSameJob() throws Exception {
		fixtures.drain();
		UUID first = fixtures.file(png(), "a.png");
		UUID second = fixtures.file(png(), "b.png");
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);

		CompletableFuture<Optional<Job>> holder = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
			Optional<Job> job = queue.claim("node-a", Duration.ofMinutes(5));
			claimed.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return job;
		}));
		assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
		// node A still holds its row lock: node B skips it
		Optional<Job> other = queue.claim("node-b", Duration.ofMinutes(5));
		Optional<Job> none = queue.claim("node-c", Duration.ofMinutes(5));
		release.countDown();
		Optional<Job> held = holder.get(30, TimeUnit.SECONDS);

		assertThat(held).isPresent();
		assertThat(other).isPresent();
		assertThat(other.get().id()).isNotEqualTo(held.get().id());
		assertThat(List.of(held.get().fileId(), other.get().fileId())).containsExactlyInAnyOrder(first, second);
		assertThat(none).isEmpty();
		// and once committed, a running job under its lease is not claimed again
		assertThat(queue.claim("node-d", Duration.ofMinutes(5))).isEmpty();
	}

}
