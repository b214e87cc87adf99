package org.kinlink.media.processing;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

import org.kinlink.media.MediaKind;
import org.kinlink.media.ffmpeg.MediaProbe;
import org.kinlink.media.files.FileRecords;
import org.kinlink.media.files.FileRecords.FileRow;
import org.kinlink.media.sniff.ImageHeaders;
import org.kinlink.media.sniff.Sniffed;
import org.kinlink.media.sniff.Sniffer;
import org.kinlink.storage.Blobs;

import org.springframework.stereotype.Component;

/**
 * SNIFF: has ClamAV scan the original when a daemon is configured ({@link MalwareScan}, fail closed), types it by its first bytes (allowlist; never by name), refuses a picture that declares
 * too many pixels before anything decodes it, then lets ffprobe confirm that the container really reads and
 * say what it holds (pictures, sound, size, duration). Refusals carry distinct problem keys.
 */
@Component
class SniffStep implements ProcessingStep {

	private final FileRecords files;

	private final Blobs blobs;

	private final Sniffer sniffer;

	private final MediaProbe probe;

	private final MediaLimits limits;

	private final MalwareScan scan;

	SniffStep(FileRecords files, Blobs blobs, Sniffer sniffer, MediaProbe probe, MediaLimits limits, MalwareScan scan) {
		this.scan = scan;
		this.files = files;
		this.blobs = blobs;
		this.sniffer = sniffer;
		this.probe = probe;
		this.limits = limits;
	}

	@Override
	public String name() {
		return Steps.SNIFF;
	}

	@Override
	public StepOutcome run(Job job) throws Exception {
		FileRow file = files.row(job.fileId());
		if (file.originalBlobId() == null) {
			throw new IllegalStateException("the file has no original yet");
		}
		if (file.size() == 0) {
			throw new FileRefusedException("media.problem.empty");
		}
		if (scan.enabled()) {
			try (InputStream in = blobs.open(file.originalBlobId())) {
				scan.check(in);
			}
		}
		byte[] head;
		try (InputStream in = blobs.open(file.originalBlobId())) {
			head = in.readNBytes(Sniffer.HEAD_BYTES);
		}
		Sniffed sniffed = sniffer.sniff(head).orElseThrow(() -> new FileRefusedException("media.problem.type"));
		Optional<long[]> declared = ImageHeaders.dimensions(head);
		if (declared.isPresent()) {
			checkPixels(declared.get()[0], declared.get()[1]);
		}
		if (sniffed.kind() == MediaKind.DOCUMENT) {
			files.kind(file.id(), MediaKind.DOCUMENT, sniffed.contentType());
			return StepOutcome.then(Steps.DOCUMENT);
		}
		MediaProbe.Facts facts = probe.probe(() -> blobs.openSeekable(file.originalBlobId()), file.size(),
				sniffed.demuxer(), Duration.ofMinutes(5));
		MediaKind kind = kind(sniffed, facts);
		if (facts.width() != null) {
			checkPixels(facts.width(), facts.height());
		}
		if (kind != MediaKind.IMAGE && facts.durationMs() != null && facts.durationMs() > limits.maxDuration.toMillis()) {
			throw new FileRefusedException("media.problem.tooLong");
		}
		files.kind(file.id(), kind, sniffed.contentType());
		files.facts(file.id(), facts.width(), facts.height(), kind == MediaKind.IMAGE ? null : facts.durationMs(), null);
		return StepOutcome.then(switch (kind) {
			case IMAGE -> Steps.IMAGE;
			case AUDIO -> Steps.AUDIO;
			default -> Steps.VIDEO;
		});
	}

	private static MediaKind kind(Sniffed sniffed, MediaProbe.Facts facts) throws FileRefusedException {
		if (!facts.readable()) {
			throw new FileRefusedException("media.problem.damaged");
		}
		if (sniffed.kind() == MediaKind.IMAGE) {
			if (!facts.video()) {
				throw new FileRefusedException("media.problem.damaged");
			}
			return MediaKind.IMAGE;
		}
		if (facts.video()) {
			if ("audio/ogg".equals(sniffed.contentType())) {
				throw new FileRefusedException("media.problem.type");
			}
			return MediaKind.VIDEO;
		}
		if (facts.audio()) {
			return MediaKind.AUDIO;
		}
		throw new FileRefusedException("media.problem.damaged");
	}

	private void checkPixels(long width, long height) throws FileRefusedException {
		if (width <= 0 || height <= 0) {
			throw new FileRefusedException("media.problem.damaged");
		}
		if (width * height > limits.maxPixels) {
			throw new FileRefusedException("media.problem.tooManyPixels");
		}
	}

}
