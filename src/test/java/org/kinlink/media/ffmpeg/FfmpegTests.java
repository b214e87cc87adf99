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

	/**
	 * Found by the crash harness: while PostgreSQL restarted, the decrypted source could not be opened, ffprobe
	 * saw a cut-off answer and the family's valid image was set aside as damaged. An outage must be an error to
	 * retry, while a file that holds no picture is still judged as such (and set aside by the sniff step).
	 */
	@Test
	void aSourceThatCannotBeOpenedIsAnOutageToRetryNotADamagedFile() throws Exception {
		MediaProbe probe = new MediaProbe(ffmpeg);
		java.util.function.Supplier<java.nio.channels.SeekableByteChannel> databaseGone = () -> {
			throw new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection");
		};
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> probe.probe(databaseGone, 120_000, "png_pipe", Duration.ofSeconds(30)))
			.isInstanceOf(java.io.IOException.class)
			.hasRootCauseInstanceOf(org.springframework.transaction.CannotCreateTransactionException.class);
		byte[] garbage = "this is not a picture at all, just text".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		MediaProbe.Facts facts = probe.probe(() -> org.apache.commons.io.channels.ByteArraySeekableByteChannel.wrap(garbage),
				garbage.length, "png_pipe", Duration.ofSeconds(30));
		assertThat(facts.readable() && facts.video()).as("garbage is judged as a file: no picture in it").isFalse();
	}

}
