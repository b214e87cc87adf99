package org.kinlink.media.processing;

import java.time.Duration;
import java.util.List;

import org.kinlink.media.Rendition;
import org.kinlink.media.files.FileRecords;
import org.kinlink.media.files.FileRecords.FileRow;
import org.kinlink.media.sniff.Sniffer;
import org.kinlink.storage.StoredBlob;

import org.springframework.stereotype.Component;

/**
 * IMAGE: re-encodes a photo or scan from its pixels (PNG stays PNG, everything else becomes JPEG), so no
 * metadata (EXIF, GPS, comments) and nothing appended to the file (a ZIP behind a JPEG) survives; the EXIF
 * orientation is applied to the pixels first. Then a thumbnail, then OCR.
 */
@Component
class ImageStep implements ProcessingStep {

	static final List<String> STRIP = List.of("-map_metadata", "-1", "-map_metadata:s:v", "-1", "-map_chapters", "-1",
			"-an", "-sn", "-dn", "-fflags", "+bitexact", "-flags:v", "+bitexact");

	private final FileRecords files;

	private final Outputs outputs;

	ImageStep(FileRecords files, Outputs outputs) {
		this.files = files;
		this.outputs = outputs;
	}

	@Override
	public String name() {
		return Steps.IMAGE;
	}

	@Override
	public StepOutcome run(Job job) throws Exception {
		FileRow file = files.row(job.fileId());
		boolean png = "image/png".equals(file.contentType());
		StoredBlob working = outputs.encode(file, file.originalBlobId(), Sniffer.demuxer(file.contentType()), List.of(),
				picture(List.of(), png ? "png" : "jpeg"), Rendition.of(Rendition.Kind.WORKING),
				png ? "image/png" : "image/jpeg", Duration.ofMinutes(3));
		thumbnail(outputs, file, working.id(), png ? "png_pipe" : "jpeg_pipe");
		return StepOutcome.then(Steps.OCR);
	}

	/** ffmpeg output arguments for one picture without metadata, after these filters, as PNG or JPEG on stdout. */
	static List<String> picture(List<String> filters, String format) {
		List<String> arguments = new java.util.ArrayList<>(List.of("-map", "0:v:0", "-frames:v", "1"));
		arguments.addAll(STRIP);
		if (!filters.isEmpty()) {
			arguments.addAll(List.of("-vf", String.join(",", filters)));
		}
		if ("png".equals(format)) {
			arguments.addAll(List.of("-c:v", "png", "-f", "image2pipe", "pipe:1"));
		}
		else {
			arguments.addAll(List.of("-c:v", "mjpeg", "-q:v", "3", "-f", "image2pipe", "pipe:1"));
		}
		return arguments;
	}

	/** A JPEG at most 320 pixels wide made from a (clean) rendition. */
	static void thumbnail(Outputs outputs, FileRow file, java.util.UUID source, String demuxer) throws Exception {
		outputs.encode(file, source, demuxer, List.of(),
				picture(List.of("scale='min(320,iw)':-2", "format=yuvj420p"), "jpeg"),
				Rendition.of(Rendition.Kind.THUMBNAIL), "image/jpeg", Duration.ofMinutes(2));
	}

}
