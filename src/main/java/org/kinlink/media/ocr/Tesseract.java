package org.kinlink.media.ocr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the system's Tesseract (Debian package tesseract-ocr with -fas, -sqi, -eng) as a subprocess, never
 * inside the server: the image goes in on stdin and TSV comes out on stdout, under a wall-clock limit (killed
 * when it passes) and an address-space limit ({@code ulimit -v}), on one thread. Nothing touches the disk.
 */
@Component
public class Tesseract {

	/** The Debian packages OCR needs: Tesseract and its Persian, Albanian and English data. */
	public static final List<String> PACKAGES = List.of("tesseract-ocr", "tesseract-ocr-fas", "tesseract-ocr-sqi", "tesseract-ocr-eng");

	/** The command an administrator runs to enable OCR (shown to staff when it is unavailable). */
	public static final String INSTALL_HINT = "apt-get install " + String.join(" ", PACKAGES);

	private final String command;

	private final long memoryKb;

	private final Duration timeLimit;

	private volatile Set<String> languages;

	Tesseract(@Value("${kinlink.media.ocr.command:tesseract}") String command,
			@Value("${kinlink.media.ocr.memory-limit-mb:2048}") long memoryLimitMb,
			@Value("${kinlink.media.ocr.time-limit:PT2M}") Duration timeLimit) {
		this.command = command;
		this.memoryKb = memoryLimitMb * 1024;
		this.timeLimit = timeLimit;
	}

	/** Whether the binary runs and has every language of {@code languages} ("fas+eng"). */
	public boolean available(String languages) {
		return installedLanguages().containsAll(Arrays.asList(languages.split("\\+")));
	}

	/** Whether OCR can run at all (Persian and English data installed). */
	public boolean available() {
		return available("fas+eng");
	}

	/** The language data Tesseract has; empty when it is not installed or does not answer. */
	Set<String> installedLanguages() {
		Set<String> known = languages;
		if (known == null) {
			try {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				Result result = run(List.of(command, "--list-langs"), null, out, Duration.ofSeconds(20));
				known = result.ok() ? out.toString(StandardCharsets.UTF_8).lines().skip(1).map(String::strip)
					.filter(line -> !line.isEmpty()).collect(Collectors.toUnmodifiableSet()) : Set.of();
			}
			catch (IOException ex) {
				known = Set.of();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Set.of();
			}
			languages = known;
		}
		return known;
	}

	/**
	 * Recognises the image read from {@code image} (PNG, JPEG or TIFF) in {@code languages} and returns
	 * Tesseract's TSV; {@link OcrFailedException} if it failed, ran out of memory or time.
	 */
	String tsv(InputStream image, String languages) throws IOException, InterruptedException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Result result = run(List.of(command, "stdin", "stdout", "-l", languages, "--psm", "3", "tsv"), image, out, timeLimit);
		if (!result.ok()) {
			throw new OcrFailedException(result.timedOut() ? "timeout" : "exit " + result.exitCode());
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private Result run(List<String> arguments, InputStream stdin, OutputStream out, Duration limit)
			throws IOException, InterruptedException {
		List<String> full = new ArrayList<>(List.of("/bin/sh", "-c", "ulimit -v " + memoryKb + " && exec \"$@\"", "tesseract"));
		full.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(full);
		builder.environment().put("OMP_THREAD_LIMIT", "1");
		builder.redirectError(ProcessBuilder.Redirect.DISCARD);
		builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null")) : ProcessBuilder.Redirect.PIPE);
		Process process = builder.start();
		CompletableFuture<Void> feeding = stdin == null ? CompletableFuture.completedFuture(null)
				: CompletableFuture.runAsync(() -> feed(stdin, process.getOutputStream()));
		CompletableFuture<Void> draining = CompletableFuture.runAsync(() -> drain(process.getInputStream(), out));
		boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
		if (!finished) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			process.waitFor();
		}
		try {
			draining.get(30, TimeUnit.SECONDS);
			feeding.get(30, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new OcrFailedException("output");
		}
		return new Result(finished ? process.exitValue() : -1, !finished);
	}

	private static void feed(InputStream in, OutputStream processIn) {
		try (processIn) {
			in.transferTo(processIn);
		}
		catch (IOException ex) {
			// Tesseract stopped reading (refused the image or was killed): its exit code tells which.
		}
	}

	private static void drain(InputStream processOut, OutputStream out) {
		try (processOut) {
			processOut.transferTo(out);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private record Result(int exitCode, boolean timedOut) {

		boolean ok() {
			return exitCode == 0 && !timedOut;
		}

	}

}
