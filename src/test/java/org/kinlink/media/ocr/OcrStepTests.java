package org.kinlink.media.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.media.MediaKind;
import org.kinlink.media.Rendition;
import org.kinlink.media.files.FileRecords;
import org.kinlink.media.files.RenditionStore;
import org.kinlink.media.processing.Job;
import org.kinlink.media.processing.Steps;
import org.kinlink.media.transcripts.EngineState;
import org.kinlink.media.transcripts.MediaFixtures;
import org.kinlink.media.transcripts.NewSegment;
import org.kinlink.media.transcripts.SegmentSource;
import org.kinlink.media.transcripts.StoredSegment;
import org.kinlink.media.transcripts.TranscriptRecord;
import org.kinlink.media.transcripts.TranscriptStore;
import org.kinlink.storage.Blobs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The OCR step on real PostgreSQL and encrypted blobs: a photographed page and a two-page document become
 * DRAFT lines with regions; no Tesseract means "unavailable"; a Tesseract that keeps failing means "failed"
 * after a few attempts; staff's edits are never replaced. The text is NTREX-128 ({@link PersianPage}).
 */
@SpringBootTest(properties = "kinlink.media.jobs.enabled=false")
@AutoConfigureMockMvc
class OcrStepTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	OcrStep step;

	@Autowired
	TranscriptStore transcripts;

	@Autowired
	JdbcClient jdbc;

	private MediaFixtures fixtures() {
		return MediaFixtures.from(context);
	}

	private UUID photo() {
		UUID fileId = fixtures().file(MediaKind.IMAGE, "image/png", 1200, 500, null, 1);
		fixtures().rendition(fileId, Rendition.of(Rendition.Kind.WORKING),
				PersianPage.png(PersianPage.render(PersianPage.NTREX_TEXT, 1200, 500, 30f).image()), "image/png", 1200, 500);
		return fileId;
	}

	private static Job job(UUID fileId, int attempt) {
		return new Job(UUID.randomUUID(), fileId, Steps.OCR, "", attempt);
	}

	@Test
	void readsAPhotographedPageIntoDraftLinesWithRegions() throws Exception {
		TesseractPresence.require();
		UUID fileId = photo();

		assertThat(step.run(job(fileId, 1)).next()).isEmpty();

		TranscriptRecord transcript = transcripts.find(fileId).orElseThrow();
		assertThat(transcript.approved()).isFalse();
		assertThat(transcript.engineState()).isEqualTo(EngineState.DONE);
		assertThat(transcript.segments()).isNotEmpty().allSatisfy(line -> {
			assertThat(line.source()).isEqualTo(SegmentSource.OCR);
			assertThat(line.page()).isEqualTo(1);
			assertThat(line.hasRegion()).isTrue();
			assertThat(line.x() + line.width()).isLessThanOrEqualTo(1200);
			assertThat(line.y() + line.height()).isLessThanOrEqualTo(500);
		});
		String read = OcrBenchmark.normalise(String.join(" ", transcript.segments().stream().map(StoredSegment::text).toList()));
		String reference = OcrBenchmark.normalise(PersianPage.NTREX_TEXT);
		assertThat((double) OcrBenchmark.levenshtein(reference, read) / reference.length()).isLessThan(0.2);
		assertThat(jdbc.sql("select sealed_text from media.transcript_segment where file_id = ?").param(fileId).query(byte[].class).list())
			.noneMatch(bytes -> new String(bytes, StandardCharsets.UTF_8).contains("مجلس"));
	}

	@Test
	void readsEachPageOfADocument() throws Exception {
		TesseractPresence.require();
		UUID fileId = fixtures().file(MediaKind.DOCUMENT, "application/pdf", null, null, null, 2);
		for (int page = 1; page <= 2; page++) {
			fixtures().rendition(fileId, Rendition.page(page),
					PersianPage.png(PersianPage.render(PersianPage.NTREX_TEXT, 1200, 500, 30f).image()), "image/png", 1200, 500);
		}

		step.run(job(fileId, 1));

		assertThat(transcripts.find(fileId).orElseThrow().segments()).extracting(StoredSegment::page).contains(1, 2);
	}

	@Test
	void saysOcrIsUnavailableWithoutTesseract() throws Exception {
		UUID fileId = photo();

		stepWith(new Tesseract("/nonexistent/tesseract", 2048, Duration.ofSeconds(5))).run(job(fileId, 1));

		TranscriptRecord transcript = transcripts.find(fileId).orElseThrow();
		assertThat(transcript.engineState()).isEqualTo(EngineState.UNAVAILABLE);
		assertThat(transcript.segments()).isEmpty();
	}

	@Test
	void retriesAFailingTesseractThenSaysOcrFailed() throws Exception {
		TesseractPresence.require();
		UUID fileId = photo();
		OcrStep hurried = stepWith(new Tesseract("tesseract", 2048, Duration.ofMillis(1)));

		assertThatThrownBy(() -> hurried.run(job(fileId, 1))).isInstanceOf(IOException.class);
		assertThat(hurried.run(job(fileId, OcrStep.ATTEMPTS)).next()).isEmpty();

		assertThat(transcripts.find(fileId).orElseThrow().engineState()).isEqualTo(EngineState.FAILED);
	}

	@Test
	void neverReplacesWhatStaffTyped() throws Exception {
		UUID fileId = photo();
		transcripts.add(fileId, "fa", 0, NewSegment.typed("متن دستی", 1));

		step.run(job(fileId, 1));

		assertThat(transcripts.find(fileId).orElseThrow().segments()).extracting(StoredSegment::text).containsExactly("متن دستی");
	}

	@Test
	void picksTesseractLanguagesByTheLetterLanguage() {
		assertThat(OcrStep.tesseractLanguages("fa")).isEqualTo("fas+eng");
		assertThat(OcrStep.tesseractLanguages("sq")).isEqualTo("sqi+eng");
		assertThat(OcrStep.tesseractLanguages("en")).isEqualTo("eng");
		assertThat(OcrStep.language("sq", java.util.Optional.empty())).isEqualTo("sq");
		assertThat(OcrStep.language("", java.util.Optional.empty())).isEqualTo("fa");
	}

	private OcrStep stepWith(Tesseract tesseract) {
		return new OcrStep(context.getBean(FileRecords.class), context.getBean(RenditionStore.class), context.getBean(Blobs.class),
				transcripts, tesseract, "on");
	}


}
