package org.kinlink.media.processing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kinlink.media.Rendition;
import org.kinlink.media.ffmpeg.Ffmpeg;
import org.kinlink.media.ffmpeg.LoopbackSource;
import org.kinlink.media.ffmpeg.MediaProbe;
import org.kinlink.media.files.FileRecords.FileRow;
import org.kinlink.media.files.RenditionStore;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.StoredBlob;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs ffmpeg on a decrypted blob (served on loopback) and streams its output straight into a new encrypted
 * blob saved as a rendition: no plaintext on disk at any point. A failed run keeps nothing.
 */
@Component
class Outputs {

	private final Ffmpeg ffmpeg;

	private final MediaProbe probe;

	private final Blobs blobs;

	private final RenditionStore renditions;

	private final TransactionTemplate transaction;

	Outputs(Ffmpeg ffmpeg, MediaProbe probe, Blobs blobs, RenditionStore renditions, TransactionTemplate transaction) {
		this.ffmpeg = ffmpeg;
		this.probe = probe;
		this.blobs = blobs;
		this.renditions = renditions;
		this.transaction = transaction;
	}

	/**
	 * Runs {@code ffmpeg <input of the blob> <arguments>} (the arguments end with an output to pipe:1) and saves
	 * what it wrote as {@code rendition} of the file, with the pixel size ffprobe finds in it.
	 */
	StoredBlob encode(FileRow file, UUID sourceBlob, String demuxer, List<String> inputOptions, List<String> arguments,
			Rendition rendition, String contentType, Duration timeLimit) throws IOException, InterruptedException {
		StoredBlob blob = run(file.keyId(), sourceBlob, demuxer, inputOptions, arguments, timeLimit);
		try {
			save(file.id(), rendition, blob, contentType);
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			blobs.delete(blob.id());
			throw ex;
		}
		return blob;
	}

	/** Runs ffmpeg as {@link #encode} does and commits the output as a blob (not yet a rendition). */
	StoredBlob run(UUID keyId, UUID sourceBlob, String demuxer, List<String> inputOptions, List<String> arguments,
			Duration timeLimit) throws IOException, InterruptedException {
		long size = blobs.info(sourceBlob).size();
		try (LoopbackSource source = LoopbackSource.serve(() -> blobs.openSeekable(sourceBlob), size);
				BlobWriter out = blobs.create(keyId, "media.rendition")) {
			List<String> command = new ArrayList<>(List.of("-v", "error"));
			command.addAll(inputOptions);
			command.addAll(MediaProbe.input(demuxer, source.url()));
			command.addAll(arguments);
			Ffmpeg.Result result = ffmpeg.ffmpeg(command, null, out, timeLimit);
			source.requireServed(); // the source was away: retry later, never blame the file
			if (!result.ok()) {
				throw new TranscodeFailedException(result);
			}
			if (out.written() == 0) {
				throw new TranscodeFailedException(result);
			}
			return out.commit();
		}
	}

	/** Saves a committed blob as a rendition, with the pixel size ffprobe finds in it (pictures only). */
	void save(UUID fileId, Rendition rendition, StoredBlob blob, String contentType) throws IOException, InterruptedException {
		Integer width = null;
		Integer height = null;
		if (contentType.startsWith("image/") || contentType.startsWith("video/")) {
			String demuxer = switch (contentType) {
				case "image/png" -> "png_pipe";
				case "image/jpeg" -> "jpeg_pipe";
				default -> "mov";
			};
			MediaProbe.Facts facts = probe.probe(() -> blobs.openSeekable(blob.id()), blob.size(), demuxer, Duration.ofMinutes(2));
			width = facts.width();
			height = facts.height();
		}
		Integer w = width;
		Integer h = height;
		transaction.executeWithoutResult(status -> renditions.save(fileId, rendition, blob, contentType, w, h));
	}

	/** A ffmpeg run that failed: retried with back-off, the file quarantined when it keeps failing. */
	static class TranscodeFailedException extends IOException {

		TranscodeFailedException(Ffmpeg.Result result) {
			super(result.timedOut() ? "timeout" : "exit " + result.exitCode());
		}

	}

}
