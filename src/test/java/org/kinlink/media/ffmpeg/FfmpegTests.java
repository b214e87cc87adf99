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
	void decodesEveryFrameOfAnInterleavedMp4ThroughTheLoopbackSource() throws Exception {
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kinlink-ffmpeg-test");
		java.nio.file.Path file = dir.resolve("plain.mp4");
		Ffmpeg.Result made = ffmpeg.ffmpeg(List.of("-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=4",
				"-f", "lavfi", "-i", "sine=duration=4", "-c:v", "libx264", "-c:a", "aac", "-shortest", file.toString()),
				null, null, Duration.ofSeconds(60));
		assertThat(made.ok()).as(made.stderrTail()).isTrue();
		byte[] bytes = java.nio.file.Files.readAllBytes(file);
		java.nio.file.Files.delete(file);
		java.nio.file.Files.delete(dir);
		ByteArrayOutputStream frames = new ByteArrayOutputStream();
		try (LoopbackSource source = LoopbackSource.serve(
				() -> org.apache.commons.io.channels.ByteArraySeekableByteChannel.wrap(bytes), bytes.length)) {
			List<String> arguments = new java.util.ArrayList<>(List.of("-v", "error"));
			arguments.addAll(MediaProbe.input("mov", source.url()));
			arguments.addAll(List.of("-map", "0:v:0", "-f", "framemd5", "pipe:1"));
			Ffmpeg.Result decoded = ffmpeg.ffmpeg(arguments, null, frames, Duration.ofSeconds(60));
			assertThat(decoded.ok()).as(decoded.stderrTail()).isTrue();
		}
		long count = frames.toString(java.nio.charset.StandardCharsets.US_ASCII).lines().filter(line -> !line.startsWith("#")).count();
		assertThat(count).isEqualTo(100);
	}

	@Test
	void aRunKilledOrOutOfMemoryIsAFailureOfTheMachineNotOfTheFile() {
		assertThat(Ffmpeg.outOfResources(new Ffmpeg.Result(137, false, "", ""))).isTrue();
		assertThat(Ffmpeg.outOfResources(new Ffmpeg.Result(-1, true, "", ""))).isTrue();
		assertThat(Ffmpeg.outOfResources(new Ffmpeg.Result(1, false, "malloc: Cannot allocate memory", ""))).isTrue();
		assertThat(Ffmpeg.outOfResources(new Ffmpeg.Result(1, false, "moov atom not found", ""))).isFalse();
	}

	@Test
	void killsARunThatPassesItsTimeLimit() throws Exception {
		Ffmpeg.Result run = ffmpeg.ffmpeg(List.of("-re", "-f", "lavfi", "-i", "testsrc=duration=60", "-f", "null", "-"),
				null, null, Duration.ofSeconds(2));
		assertThat(run.timedOut()).isTrue();
		assertThat(run.ok()).isFalse();
	}

}
