package org.kinlink.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shipped ffmpeg runs as a subprocess, reads from the loopback source with seeks, and is killed at its time limit. */
class FfmpegTests {

	private final Ffmpeg ffmpeg = new Ffmpeg(3072);

	@Test
	void makesAVideoAndProbesItThroughTheLoopbackSource() throws Exception {
		ByteArrayOutputStream mp4 = new ByteArrayOutputStream();
		Ffmpeg.Result made = ffmpeg.ffmpeg(List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=2",
				"-c:v", "libx264", "-pix_fmt", "yuv420p", "-f", "mp4", "-movflags", "frag_keyframe+empty_moov", "pipe:1"),
				null, mp4, Duration.ofSeconds(60));
		assertThat(made.ok()).as(made.stderrTail()).isTrue();
		byte[] bytes = mp4.toByteArray();
		try (LoopbackSource source = LoopbackSource.serve(
				() -> org.apache.commons.io.channels.ByteArraySeekableByteChannel.wrap(bytes), bytes.length)) {
			Ffmpeg.Result probe = ffmpeg.ffprobe(List.of("-v", "error", "-show_entries", "stream=width,height",
					"-of", "csv=p=0", source.url()), Duration.ofSeconds(30));
			assertThat(probe.ok()).as(probe.stderrTail()).isTrue();
			assertThat(probe.stdout().strip()).isEqualTo("320,240");
		}
	}

	@Test
	void killsARunThatPassesItsTimeLimit() throws Exception {
		Ffmpeg.Result run = ffmpeg.ffmpeg(List.of("-re", "-f", "lavfi", "-i", "testsrc=duration=60", "-f", "null", "-"),
				null, null, Duration.ofSeconds(2));
		assertThat(run.timedOut()).isTrue();
		assertThat(run.ok()).isFalse();
	}

}
