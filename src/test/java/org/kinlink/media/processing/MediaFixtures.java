package org.kinlink.media.processing;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.kinlink.media.MediaFiles;
import org.kinlink.media.ffmpeg.Ffmpeg;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.StoredBlob;
import org.kinlink.storage.Vault;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes files the way the portal would leave them (a finished upload of encrypted parts, attached to a
 * message), runs the job queue until no job is ready, and makes test media with the shipped ffmpeg.
 */
@TestComponent
public class MediaFixtures {

	private final JdbcClient jdbc;

	private final Blobs blobs;

	private final Vault vault;

	private final MediaFiles media;

	private final JobRunner runner;

	private final Ffmpeg ffmpeg;

	private final Clock clock;

	MediaFixtures(JdbcClient jdbc, Blobs blobs, Vault vault, MediaFiles media, JobRunner runner, Ffmpeg ffmpeg, Clock clock) {
		this.jdbc = jdbc;
		this.blobs = blobs;
		this.vault = vault;
		this.media = media;
		this.runner = runner;
		this.ffmpeg = ffmpeg;
		this.clock = clock;
	}

	/** A finished upload of these bytes (in parts of at most 64 KB) under a name the family gave. */
	public UUID upload(byte[] bytes, String name) {
		UUID keyId = vault.newKey();
		UUID uploadId = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into media.upload (id, key_id, declared_length, received, sealed_name, created_at, expires_at, completed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(uploadId, keyId, bytes.length, bytes.length, vault.sealText(keyId, name, "media.upload-name"),
					Timestamp.from(now), Timestamp.from(now.plus(Duration.ofDays(1))), Timestamp.from(now))
			.update();
		int seq = 0;
		for (int from = 0; from < bytes.length; from += 64 * 1024) {
			byte[] part = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 64 * 1024));
			StoredBlob blob;
			try (BlobWriter writer = blobs.create(keyId, "media.upload-part")) {
				writer.write(part);
				blob = writer.commit();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			jdbc.sql("insert into media.upload_part (upload_id, seq, blob_id, length) values (?, ?, ?, ?)")
				.params(uploadId, seq++, blob.id(), part.length)
				.update();
		}
		return uploadId;
	}

	/** A file of a new message, made from these bytes, not processed yet. */
	public UUID file(byte[] bytes, String name) {
		return file(UUID.randomUUID(), bytes, name);
	}

	public UUID file(UUID messageId, byte[] bytes, String name) {
		return media.attach(messageId, List.of(upload(bytes, name))).get(0);
	}

	/** A file made from these bytes and processed as far as the pipeline goes. */
	public UUID processed(byte[] bytes, String name) {
		UUID fileId = file(bytes, name);
		drain();
		return fileId;
	}

	/** Runs ready jobs until none is left (jobs waiting for their back-off stay). */
	public int drain() {
		int ran = 0;
		while (runner.runOne()) {
			ran++;
		}
		return ran;
	}

	/** The plaintext of a rendition. */
	public byte[] bytes(UUID fileId, org.kinlink.media.Rendition rendition) {
		var content = media.content(fileId, rendition);
		try (var channel = content.channel().get();
				var in = java.nio.channels.Channels.newInputStream(channel)) {
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** What ffmpeg writes to stdout with these arguments (after -hide_banner -y -nostdin, before pipe:1). */
	public byte[] ffmpeg(String... arguments) {
		List<String> command = new ArrayList<>(List.of("-v", "error"));
		command.addAll(List.of(arguments));
		command.add("pipe:1");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Ffmpeg.Result result = ffmpeg.ffmpeg(command, null, out, Duration.ofMinutes(2));
			if (!result.ok()) {
				throw new IllegalStateException(result.stderrTail());
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	/** What ffmpeg writes to a seekable file (a plain MP4 with its index at the end) with these arguments. */
	public byte[] ffmpegToFile(String extension, String... arguments) {
		try {
			Path dir = Files.createTempDirectory("kinlink-fixture");
			Path out = dir.resolve("fixture." + extension);
			List<String> command = new ArrayList<>(List.of("-v", "error"));
			command.addAll(List.of(arguments));
			command.add(out.toString());
			Ffmpeg.Result result = ffmpeg.ffmpeg(command, null, null, Duration.ofMinutes(2));
			if (!result.ok()) {
				throw new IllegalStateException(result.stderrTail());
			}
			byte[] bytes = Files.readAllBytes(out);
			Files.delete(out);
			Files.delete(dir);
			return bytes;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** ffprobe's flat report (format, streams, tags) of a rendition. */
	public String probe(UUID fileId, org.kinlink.media.Rendition rendition) {
		var content = media.content(fileId, rendition);
		try (var source = org.kinlink.media.ffmpeg.LoopbackSource.serve(content.channel(), content.size())) {
			Ffmpeg.Result result = ffmpeg.ffprobe(List.of("-v", "error", "-show_format", "-show_streams", "-of", "flat",
					source.url()), Duration.ofMinutes(1));
			if (!result.ok()) {
				throw new IllegalStateException(result.stderrTail());
			}
			return result.stdout();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Ffmpeg ffmpegBinary() {
		return ffmpeg;
	}

}
