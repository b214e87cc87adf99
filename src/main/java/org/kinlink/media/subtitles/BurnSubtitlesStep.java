package org.kinlink.media.subtitles;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kinlink.media.MediaKind;
import org.kinlink.media.Rendition;
import org.kinlink.media.SubtitledCopies.Cue;
import org.kinlink.media.ffmpeg.Ffmpeg;
import org.kinlink.media.ffmpeg.LoopbackSource;
import org.kinlink.media.files.FileRecords;
import org.kinlink.media.files.RenditionStore;
import org.kinlink.media.processing.Job;
import org.kinlink.media.processing.ProcessingStep;
import org.kinlink.media.processing.StepOutcome;
import org.kinlink.media.processing.Steps;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.StoredBlob;

import org.springframework.stereotype.Component;

/**
 * {@link Steps#BURN_SUBTITLES}: burns the requested cues (job parameter: the language) into the working copy
 * of a video. Each cue is drawn as a PNG ({@link CueRenderer}) and laid over the video, bottom centre, between
 * its start and end; ffmpeg reads the decrypted working copy and the images over loopback and writes an
 * H.264/AAC fragmented MP4 straight into an encrypted blob, saved as rendition SUBTITLED in the language.
 * Voice notes have no picture to burn into: nothing is made for them.
 */
@Component
class BurnSubtitlesStep implements ProcessingStep {

	private final SubtitleRequests requests;

	private final FileRecords files;

	private final RenditionStore renditions;

	private final Blobs blobs;

	private final Ffmpeg ffmpeg;

	private final CueRenderer renderer;

	BurnSubtitlesStep(SubtitleRequests requests, FileRecords files, RenditionStore renditions, Blobs blobs,
			Ffmpeg ffmpeg, CueRenderer renderer) {
		this.requests = requests;
		this.files = files;
		this.renditions = renditions;
		this.blobs = blobs;
		this.ffmpeg = ffmpeg;
		this.renderer = renderer;
	}

	@Override
	public String name() {
		return Steps.BURN_SUBTITLES;
	}

	@Override
	public boolean essential() {
		return false; // the file itself is fine without a subtitled copy
	}

	@Override
	public StepOutcome run(Job job) throws Exception {
		String language = job.params();
		FileRecords.FileRow file = files.row(job.fileId());
		List<Cue> cues = requests.cues(job.fileId(), language);
		if (file.kind() != MediaKind.VIDEO || cues.isEmpty()) {
			return StepOutcome.done();
		}
		RenditionStore.StoredRendition working = renditions.find(job.fileId(), Rendition.of(Rendition.Kind.WORKING))
			.orElseThrow(() -> new IllegalStateException("no working copy yet"));
		int width = working.width() != null ? working.width() : file.width() != null ? file.width() : 1280;
		int height = working.height() != null ? working.height() : file.height() != null ? file.height() : 720;
		List<byte[]> images = new ArrayList<>(cues.size());
		for (Cue cue : cues) {
			images.add(renderer.png(cue.text(), width, height));
		}
		long seconds = file.durationMs() == null ? 600 : file.durationMs() / 1000;
		Duration limit = Duration.ofSeconds(120 + 4 * seconds);
		try (LoopbackSource video = LoopbackSource.serve(() -> blobs.openSeekable(working.blobId()), working.size());
				ImageServer cueImages = ImageServer.serve(images);
				BlobWriter out = blobs.create(file.keyId(), "media.rendition.subtitled")) {
			Ffmpeg.Result result = ffmpeg.ffmpeg(arguments(video.url(), cueImages, cues), null, out, limit);
			if (!result.ok()) {
				throw new IOException("ffmpeg could not burn the subtitles (exit " + result.exitCode() + ")");
			}
			StoredBlob blob = out.commit();
			requests.saved(job.fileId(), language, blob, width, height);
		}
		return StepOutcome.done();
	}

	/** Input 0 the video, inputs 1..n the cue images, overlaid one after the other, each only during its cue. */
	static List<String> arguments(String videoUrl, ImageServer images, List<Cue> cues) {
		List<String> args = new ArrayList<>(List.of("-i", videoUrl));
		for (int i = 0; i < cues.size(); i++) {
			args.addAll(List.of("-f", "png_pipe", "-i", images.url(i)));
		}
		args.addAll(List.of("-filter_complex", filter(cues), "-map", "[v" + cues.size() + "]", "-map", "0:a?",
				"-c:v", "libx264", "-preset", "veryfast", "-crf", "21", "-pix_fmt", "yuv420p", "-c:a", "aac",
				"-b:a", "128k", "-map_metadata", "-1", "-map_chapters", "-1", "-movflags",
				"frag_keyframe+empty_moov+default_base_moof", "-f", "mp4", "pipe:1"));
		return args;
	}

	static String filter(List<Cue> cues) {
		StringBuilder graph = new StringBuilder();
		String previous = "0:v";
		for (int i = 0; i < cues.size(); i++) {
			Cue cue = cues.get(i);
			if (i > 0) {
				graph.append(';');
			}
			graph.append('[').append(previous).append("][").append(i + 1).append(":v]overlay=x=(W-w)/2:y=H-h-H/20:enable='between(t,")
				.append(seconds(cue.startMs())).append(',').append(seconds(cue.endMs())).append(")'[v").append(i + 1).append(']');
			previous = "v" + (i + 1);
		}
		return graph.toString();
	}

	private static String seconds(long ms) {
		return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
	}

}
