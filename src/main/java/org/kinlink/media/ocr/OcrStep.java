package org.kinlink.media.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.media.MediaKind;
import org.kinlink.media.Rendition;
import org.kinlink.media.files.FileRecords;
import org.kinlink.media.files.RenditionStore;
import org.kinlink.media.processing.Job;
import org.kinlink.media.processing.ProcessingStep;
import org.kinlink.media.processing.StepOutcome;
import org.kinlink.media.processing.Steps;
import org.kinlink.media.transcripts.EngineState;
import org.kinlink.media.transcripts.NewSegment;
import org.kinlink.media.transcripts.SegmentSource;
import org.kinlink.media.transcripts.TranscriptRecord;
import org.kinlink.media.transcripts.TranscriptStore;
import org.kinlink.storage.Blobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * OCR of a scan or photo (rendition WORKING) or of the pages of a document (renditions PAGE 1..n) into a
 * DRAFT transcript of lines with their regions. Not essential: when Tesseract or its language data is
 * missing the transcript says OCR is unavailable; when it keeps failing, it says OCR failed; staff then
 * transcribe by hand. A transcript staff already edited or approved is never replaced.
 */
@Component
class OcrStep implements ProcessingStep {

	/** Runs before OCR is given up as failed (the job queue's own limit is higher). */
	static final int ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(OcrStep.class);

	private final FileRecords files;

	private final RenditionStore renditions;

	private final Blobs blobs;

	private final TranscriptStore transcripts;

	private final Tesseract tesseract;

	private final PageReader reader;

	private final Cleanup cleanup;

	OcrStep(FileRecords files, RenditionStore renditions, Blobs blobs, TranscriptStore transcripts, Tesseract tesseract,
			@Value("${kinlink.media.ocr.cleanup:on}") String cleanup) {
		this.files = files;
		this.renditions = renditions;
		this.blobs = blobs;
		this.transcripts = transcripts;
		this.tesseract = tesseract;
		this.reader = new PageReader(tesseract);
		this.cleanup = Cleanup.valueOf(cleanup.strip().toUpperCase(Locale.ROOT));
	}

	@Override
	public String name() {
		return Steps.OCR;
	}

	@Override
	public boolean essential() {
		return false;
	}

	@Override
	public StepOutcome run(Job job) throws Exception {
		UUID fileId = job.fileId();
		MediaKind kind = files.row(fileId).kind();
		if (kind != MediaKind.IMAGE && kind != MediaKind.DOCUMENT) {
			return StepOutcome.done();
		}
		Optional<TranscriptRecord> existing = transcripts.find(fileId);
		if (existing.isPresent() && (existing.get().approved() || existing.get().edited())) {
			return StepOutcome.done();
		}
		String language = language(job.params(), existing);
		String languages = tesseractLanguages(language);
		if (!tesseract.available(languages)) {
			transcripts.engineState(fileId, language, EngineState.UNAVAILABLE);
			return StepOutcome.done();
		}
		List<NewSegment> segments = new ArrayList<>();
		try {
			for (RenditionStore.StoredRendition page : pages(fileId, kind)) {
				int number = Math.max(1, page.rendition().page());
				try (InputStream image = blobs.open(page.blobId())) {
					PageReader.PageText text = reader.read(image, languages, cleanup);
					log.debug("OCR of file {} page {}: {} lines, cleaned {}", fileId, number, text.lines().size(), text.cleaned());
					text.lines().forEach(line -> segments.add(NewSegment.line(line.text(), number, line.x(), line.y(),
							line.width(), line.height(), line.confidence())));
				}
			}
		}
		catch (IOException ex) {
			if (job.attempt() >= ATTEMPTS) {
				log.warn("OCR of file {} given up after {} attempts: {}", fileId, job.attempt(), ex.getClass().getSimpleName());
				transcripts.engineState(fileId, language, EngineState.FAILED);
				return StepOutcome.done();
			}
			throw ex;
		}
		transcripts.replaceByEngine(fileId, language, SegmentSource.OCR, segments, false);
		return StepOutcome.done();
	}

	private List<RenditionStore.StoredRendition> pages(UUID fileId, MediaKind kind) throws IOException {
		List<RenditionStore.StoredRendition> pages = kind == MediaKind.IMAGE
				? renditions.find(fileId, Rendition.of(Rendition.Kind.WORKING)).stream().toList()
				: renditions.list(fileId)
					.stream()
					.filter(r -> r.rendition().kind() == Rendition.Kind.PAGE)
					.sorted(Comparator.comparingInt(r -> r.rendition().page()))
					.toList();
		if (pages.isEmpty()) {
			throw new OcrFailedException("no page image");
		}
		return pages;
	}

	/** The language of the text: the job's parameter, else the transcript's, else Persian. */
	static String language(String params, Optional<TranscriptRecord> existing) {
		if (params != null && List.of("fa", "sq", "en").contains(params.strip())) {
			return params.strip();
		}
		return existing.map(TranscriptRecord::language).orElse("fa");
	}

	/** Tesseract's languages for a letter in {@code language}: English too, for names and addresses in Latin letters. */
	static String tesseractLanguages(String language) {
		return switch (language) {
			case "sq" -> "sqi+eng";
			case "en" -> "eng";
			default -> "fas+eng";
		};
	}

}
