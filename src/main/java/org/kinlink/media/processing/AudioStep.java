package org.kinlink.media.processing;

import java.util.List;

import org.kinlink.media.Rendition;
import org.kinlink.media.files.FileRecords;
import org.kinlink.media.files.FileRecords.FileRow;
import org.kinlink.media.sniff.Sniffer;

import org.springframework.stereotype.Component;

/**
 * AUDIO: transcodes a voice note (m4a, mp3, Ogg/Opus, or a video container with sound only) to AAC in
 * fragmented MP4 without metadata or cover art; then TRANSCRIBE.
 */
@Component
class AudioStep implements ProcessingStep {

	private final FileRecords files;

	private final Outputs outputs;

	private final MediaLimits limits;

	AudioStep(FileRecords files, Outputs outputs, MediaLimits limits) {
		this.files = files;
		this.outputs = outputs;
		this.limits = limits;
	}

	@Override
	public String name() {
		return Steps.AUDIO;
	}

	@Override
	public StepOutcome run(Job job) throws Exception {
		FileRow file = files.row(job.fileId());
		outputs.encode(file, file.originalBlobId(), Sniffer.demuxer(file.contentType()), List.of(),
				List.of("-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "-1", "-map_metadata:s:a", "-1",
						"-map_chapters", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact",
						"-c:a", "aac", "-b:a", "96k", "-movflags", "empty_moov+default_base_moof", "-frag_duration", "10000000",
						"-f", "mp4", "pipe:1"),
				Rendition.of(Rendition.Kind.WORKING), "audio/mp4", limits.transcodeTime(file.durationMs(), 1));
		return StepOutcome.then(Steps.TRANSCRIBE);
	}

}
