package org.kinlink.media.speech;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
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
import org.kinlink.shared.text.HostileCharacters;
import org.kinlink.shared.text.PersianText;
import org.kinlink.storage.Blobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Speech-to-text of a voice or video file's working copy through the administrator's engine, only when it
 * is enabled, into DRAFT cues. Not essential: after {@link #ATTEMPTS} failed runs (time-out, error status)
 * the transcript says there is no machine transcript, and staff write the cues by hand. A transcript staff
 * edited or approved is replaced only when staff asked for the import (and never once approved).
 */
@Component
class TranscribeStep implements ProcessingStep {

	static final int ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(TranscribeStep.class);

	private final FileRecords files;

	private final RenditionStore renditions;

	private final Blobs blobs;

	private final TranscriptStore transcripts;

	private final SpeechSettings settings;

	private final SpeechClient client;

	private final AuditTrail audit;

	TranscribeStep(FileRecords files, RenditionStore renditions, Blobs blobs, TranscriptStore transcripts,
			SpeechSettings settings, SpeechClient client, AuditTrail audit) {
		this.files = files;
		this.renditions = renditions;
		this.blobs = blobs;
		this.transcripts = transcripts;
		this.settings = settings;
		this.client = client;
		this.audit = audit;
	}

	@Override
	public String name() {
		return Steps.TRANSCRIBE;
	}

	@Override
	public boolean essential() {
		return false;
	}

	@Override
	public StepOutcome run(Job job) throws Exception {
		UUID fileId = job.fileId();
		MediaKind kind = files.row(fileId).kind();
		if (kind != MediaKind.AUDIO && kind != MediaKind.VIDEO) {
			return StepOutcome.done();
		}
		boolean requested = SpeechSettings.IMPORT_ON_REQUEST.equals(job.params());
		Optional<TranscriptRecord> existing = transcripts.find(fileId);
		String language = existing.map(TranscriptRecord::language).orElse("fa");
		Optional<SpeechSettings.Engine> engine = settings.current().filter(SpeechSettings.Engine::usable);
		if (engine.isEmpty()) {
			if (requested) {
				transcripts.engineState(fileId, language, EngineState.UNAVAILABLE);
			}
			return StepOutcome.done();
		}
		if (existing.isPresent() && (existing.get().approved() || (!requested && existing.get().edited()))) {
			return StepOutcome.done();
		}
		RenditionStore.StoredRendition working = renditions.find(fileId, Rendition.of(Rendition.Kind.WORKING))
			.orElseThrow(() -> new SpeechFailedException("no working copy"));
		List<SpeechClient.HeardCue> heard;
		try {
			heard = client.transcribe(engine.get().baseUrl(), engine.get().model(), settings.apiKey(), language,
					() -> blobs.open(working.blobId()), working.size(), working.contentType());
		}
		catch (IOException ex) {
			if (job.attempt() >= ATTEMPTS) {
				log.warn("Speech-to-text of file {} given up after {} attempts: {}", fileId, job.attempt(), ex.getClass().getSimpleName());
				transcripts.engineState(fileId, language, EngineState.FAILED);
				audit.recordAs("system", AuditEvent.failure("transcript.speech", "media-file", fileId));
				return StepOutcome.done();
			}
			throw ex;
		}
		List<NewSegment> cues = heard.stream()
			.map(cue -> NewSegment.cue(clean(cue.text()), cue.startMs(), cue.endMs(), SegmentSource.STT))
			.filter(cue -> !cue.text().isEmpty())
			.toList();
		transcripts.replaceByEngine(fileId, language, SegmentSource.STT, cues, requested);
		return StepOutcome.done();
	}

	/** The engine's text in the form staff would have to type it: normalised, without hidden or bidi characters. */
	static String clean(String text) {
		String normal = PersianText.normalize(text);
		StringBuilder out = new StringBuilder();
		normal.codePoints().forEach(c -> {
			if (HostileCharacters.firstIn(new String(Character.toChars(c)), false).isEmpty()) {
				out.appendCodePoint(c);
			}
			else if (Character.isWhitespace(c)) {
				out.append(' ');
			}
		});
		return out.toString().replaceAll(" {2,}", " ").strip();
	}

}
