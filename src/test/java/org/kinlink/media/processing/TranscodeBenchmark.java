package org.kinlink.media.processing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.kinlink.KinlinkApplication;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.Rendition;
import org.kinlink.media.ffmpeg.Ffmpeg;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.StoredBlob;
import org.kinlink.storage.Vault;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (bench/transcode-benchmark.sh, not a test): a test video of N seconds at 1280x720 goes through the
 * pipeline's VIDEO step (decrypted over loopback, ffmpeg as a limited subprocess, output encrypted into the
 * blob store, then poster and thumbnail), and through the plain ffmpeg command with the same settings from
 * a plain file to a plain file; both in the same run, on the same machine.
 */
public final class TranscodeBenchmark {

	private TranscodeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KinlinkApplication.class)
			.profiles("test")
			.run("--kinlink.media.jobs.enabled=false", "--server.port=0", "--logging.level.root=WARN")) {
			Ffmpeg ffmpeg = context.getBean(Ffmpeg.class);
			Path dir = Files.createTempDirectory("kinlink-bench");
			Path input = dir.resolve("input.mp4");
			Path plainOutput = dir.resolve("plain.mp4");
			System.out.printf(Locale.ROOT, "Generating a %d s 1280x720 30 fps test video (testsrc2 + sine)...%n", seconds);
			Ffmpeg.Result made = ffmpeg.ffmpeg(List.of("-v", "error", "-f", "lavfi", "-i",
					"testsrc2=size=1280x720:rate=30:duration=" + seconds, "-f", "lavfi", "-i",
					"sine=frequency=440:sample_rate=48000:duration=" + seconds, "-c:v", "libx264", "-preset", "veryfast",
					"-crf", "20", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest", input.toString()),
					null, null, Duration.ofHours(2));
			check(made);
			long inputSize = Files.size(input);
			System.out.printf(Locale.ROOT, "Input: %.1f MB%n", inputSize / 1e6);

			// 1. The plain ffmpeg command with the pipeline's settings: plain file in, plain file out.
			List<String> plain = new ArrayList<>(List.of("-v", "error", "-i", input.toString()));
			plain.addAll(VideoStep.transcode(plainOutput.toString()));
			long plainStart = System.nanoTime();
			check(ffmpeg.ffmpeg(plain, null, null, Duration.ofHours(2)));
			double plainSeconds = (System.nanoTime() - plainStart) / 1e9;

			// 2. The pipeline: an upload of encrypted parts, ASSEMBLE and SNIFF, then the VIDEO step alone is timed.
			UUID fileId = attach(context, input);
			JobRunner runner = context.getBean(JobRunner.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			runner.runOne();
			runner.runOne();
			String next = jdbc.sql("select step from media.job where file_id = ? and state = 'PENDING'").param(fileId)
				.query(String.class).single();
			if (!Steps.VIDEO.equals(next)) {
				throw new IllegalStateException("expected the VIDEO step next, found " + next);
			}
			long pipelineStart = System.nanoTime();
			runner.runOne();
			double pipelineSeconds = (System.nanoTime() - pipelineStart) / 1e9;
			String state = jdbc.sql("select state from media.job where file_id = ? and step = 'video'").param(fileId)
				.query(String.class).single();
			var working = context.getBean(MediaFiles.class).content(fileId, Rendition.of(Rendition.Kind.WORKING));
			long workingSize = working.size();
			var probe = context.getBean(org.kinlink.media.ffmpeg.MediaProbe.class);
			var workingFacts = probe.probe(working.channel(), working.size(), "mov", Duration.ofMinutes(5));
			var plainFacts = probe.probe(() -> {
				try {
					return Files.newByteChannel(plainOutput);
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}, Files.size(plainOutput), "mov", Duration.ofMinutes(5));
			System.out.printf(Locale.ROOT, "Durations: plain %s ms %sx%s, pipeline %s ms %sx%s%n", plainFacts.durationMs(),
					plainFacts.width(), plainFacts.height(), workingFacts.durationMs(), workingFacts.width(), workingFacts.height());

			System.out.printf(Locale.ROOT, "Plain ffmpeg (file -> file):                 %8.1f s, output %.1f MB%n", plainSeconds,
					Files.size(plainOutput) / 1e6);
			System.out.printf(Locale.ROOT, "Pipeline VIDEO step (%s; loopback, encrypted, + poster, thumbnail): %8.1f s, output %.1f MB%n",
					state, pipelineSeconds, workingSize / 1e6);
			System.out.printf(Locale.ROOT, "Ratio pipeline / plain: %.2f%n", pipelineSeconds / plainSeconds);
			Files.delete(input);
			Files.delete(plainOutput);
			Files.delete(dir);
		}
	}

	private static UUID attach(ConfigurableApplicationContext context, Path input) throws Exception {
		Blobs blobs = context.getBean(Blobs.class);
		Vault vault = context.getBean(Vault.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		UUID keyId = vault.newKey();
		UUID uploadId = UUID.randomUUID();
		java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
		long size = Files.size(input);
		jdbc.sql("""
				insert into media.upload (id, key_id, declared_length, received, created_at, expires_at, completed_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(uploadId, keyId, size, size, now, new java.sql.Timestamp(now.getTime() + 86_400_000L), now)
			.update();
		byte[] buffer = new byte[32 * 1024 * 1024];
		int seq = 0;
		try (InputStream in = Files.newInputStream(input)) {
			for (int read = in.readNBytes(buffer, 0, buffer.length); read > 0; read = in.readNBytes(buffer, 0, buffer.length)) {
				StoredBlob blob;
				try (BlobWriter writer = blobs.create(keyId, "media.upload-part")) {
					writer.write(buffer, 0, read);
					blob = writer.commit();
				}
				jdbc.sql("insert into media.upload_part (upload_id, seq, blob_id, length) values (?, ?, ?, ?)")
					.params(uploadId, seq++, blob.id(), read)
					.update();
			}
		}
		return context.getBean(MediaFiles.class).attach(UUID.randomUUID(), List.of(uploadId)).get(0);
	}

	private static void check(Ffmpeg.Result result) {
		if (!result.ok()) {
			throw new IllegalStateException("ffmpeg failed: " + result.stderrTail());
		}
	}

}
