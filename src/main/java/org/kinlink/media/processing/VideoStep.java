package org.kinlink.media.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.kinlink.media.Rendition;
import org.kinlink.media.files.FileRecords;
import org.kinlink.media.files.FileRecords.FileRow;
import org.kinlink.media.sniff.Sniffer;
import org.kinlink.storage.StoredBlob;

import org.springframework.stereotype.Component;

/**
 * VIDEO: transcodes to H.264/AAC fragmented MP4 (plays in every browser while it streams), at most 1280x720
 * (720x1280 upright), with no container, stream or chapter metadata (title, location, device); then a poster
 * frame and a thumbnail from that clean copy; then TRANSCRIBE.
 */
@Component
class VideoStep implements ProcessingStep {

	/** Fits the picture (after the rotation ffmpeg applies) into 1280x720, or 720x1280 when it is upright. */
	static final String SCALE = "scale=w='if(gte(iw,ih),min(1280,iw),min(720,iw))':h='if(gte(iw,ih),min(720,ih),min(1280,ih))'"
			+ ":force_original_aspect_ratio=decrease:force_divisible_by=2";

	private final FileRecords files;

	private final Outputs outputs;

	private final MediaLimits limits;

	VideoStep(FileRecords files, Outputs outputs, MediaLimits limits) {
		this.files = files;
		this.outputs = outputs;
		this.limits = limits;
	}

	@Override
	public String name() {
		return Steps.VIDEO;
	}

	@Override
	public StepOutcome run(Job job) throws Exception {
		FileRow file = files.row(job.fileId());
		StoredBlob working = outputs.encode(file, file.originalBlobId(), Sniffer.demuxer(file.contentType()), List.of(),
				transcode("pipe:1"), Rendition.of(Rendition.Kind.WORKING), "video/mp4",
				limits.transcodeTime(file.durationMs(), 4));
		long seek = file.durationMs() == null ? 0 : Math.min(1000, file.durationMs() / 3);
		StoredBlob poster = outputs.encode(file, working.id(), "mov", List.of("-ss", String.format(java.util.Locale.ROOT, "%.3f", seek / 1000.0)),
				ImageStep.picture(List.of("format=yuvj420p"), "jpeg"), Rendition.of(Rendition.Kind.POSTER), "image/jpeg",
				Duration.ofMinutes(3));
		ImageStep.thumbnail(outputs, file, poster.id(), "jpeg_pipe");
		return StepOutcome.then(Steps.TRANSCRIBE);
	}

	/**
	 * The ffmpeg output arguments of the working copy, writing to {@code output}: the same settings serve the
	 * pipeline and the benchmark's plain command.
	 */
	static List<String> transcode(String output) {
		List<String> arguments = new ArrayList<>(List.of("-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn",
				"-map_metadata", "-1", "-map_metadata:s:v", "-1", "-map_metadata:s:a", "-1", "-map_chapters", "-1",
				"-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
				"-vf", SCALE + ",format=yuv420p",
				"-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-profile:v", "high",
				"-c:a", "aac", "-b:a", "128k", "-ac", "2",
				"-movflags", "frag_keyframe+empty_moov+default_base_moof", "-f", "mp4"));
		arguments.add(output);
		return arguments;
	}

}
