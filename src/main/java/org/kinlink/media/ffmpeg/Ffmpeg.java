package org.kinlink.media.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.Loader;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the ffmpeg and ffprobe binaries shipped in org.bytedeco:ffmpeg (no system install) as subprocesses,
 * never inside the server: with a wall-clock limit (killed when it passes), an address-space limit
 * ({@code ulimit -v}), input from a URL ({@link LoopbackSource}) or stdin, output to a stream (stdout), and
 * the last lines of stderr kept for the error (they name codecs and positions, not content).
 */
@Component
public class Ffmpeg {

	private static final java.util.regex.Pattern OUT_OF_MEMORY = java.util.regex.Pattern
		.compile("(?i)cannot\\s+allocate\\s+memory|out\\s+of\\s+memory");

	private final long memoryKb;

	private volatile Path ffmpeg;

	private volatile Path ffprobe;

	Ffmpeg(@Value("${kinlink.media.ffmpeg.memory-limit-mb:3072}") long memoryLimitMb) {
		this.memoryKb = memoryLimitMb * 1024;
	}

	/** Runs ffmpeg with these arguments (after "-hide_banner -nostdin -y"), writing stdout to {@code out}. */
	public Result ffmpeg(List<String> arguments, InputStream stdin, OutputStream out, Duration timeLimit)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(binary(false).toString(), "-hide_banner", "-y"));
		if (stdin == null) {
			command.add("-nostdin");
		}
		command.addAll(arguments);
		return run(command, stdin, out, timeLimit);
	}

	/** Runs ffprobe with these arguments, returning what it printed on stdout. */
	public Result ffprobe(List<String> arguments, Duration timeLimit) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(binary(true).toString(), "-hide_banner"));
		command.addAll(arguments);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		Result result = run(command, null, out, timeLimit);
		return new Result(result.exitCode(), result.timedOut(), result.stderrTail(), out.toString(java.nio.charset.StandardCharsets.UTF_8));
	}

	private Result run(List<String> command, InputStream stdin, OutputStream out, Duration timeLimit)
			throws IOException, InterruptedException {
		List<String> limited = List.of("/bin/sh", "-c", "ulimit -v " + memoryKb + " && exec \"$@\"", "ffmpeg");
		List<String> full = new ArrayList<>(limited);
		full.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(full);
		builder.environment().put("LD_LIBRARY_PATH", binary(false).getParent().toString());
		builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null")) : ProcessBuilder.Redirect.PIPE);
		Process process = builder.start();
		CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> tail(process.getErrorStream()));
		CompletableFuture<Void> feeding = stdin == null ? CompletableFuture.completedFuture(null)
				: CompletableFuture.runAsync(() -> feed(stdin, process.getOutputStream()));
		CompletableFuture<Void> draining = CompletableFuture.runAsync(() -> drain(process.getInputStream(), out));
		boolean finished = process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
		if (!finished) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			process.waitFor();
		}
		try {
			draining.get(30, TimeUnit.SECONDS);
			feeding.cancel(true);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IOException("ffmpeg output could not be read", ex);
		}
		String tail;
		try {
			tail = stderr.get(30, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			tail = "";
		}
		return new Result(finished ? process.exitValue() : -1, !finished, tail, "");
	}

	private static void feed(InputStream in, OutputStream processIn) {
		try (processIn) {
			in.transferTo(processIn);
		}
		catch (IOException ex) {
			// ffmpeg stopped reading (done, refused or killed): its exit code tells which.
		}
	}

	private static void drain(InputStream processOut, OutputStream out) {
		try (processOut) {
			if (out == null) {
				processOut.transferTo(OutputStream.nullOutputStream());
			}
			else {
				processOut.transferTo(out);
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String tail(InputStream err) {
		try (err) {
			String all = new String(err.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			return all.length() > 2000 ? all.substring(all.length() - 2000) : all;
		}
		catch (IOException ex) {
			return "";
		}
	}

	private Path binary(boolean probe) {
		if (ffmpeg == null) {
			synchronized (this) {
				if (ffmpeg == null) {
					ffprobe = Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
					ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
				}
			}
		}
		return probe ? ffprobe : ffmpeg;
	}

	/**
	 * Whether a failed run says more about the machine than about the file: killed by a signal, or out of
	 * memory under the address-space limit. Such a run is retried; other failures mean the file is bad.
	 */
	public static boolean outOfResources(Result result) {
		if (result.timedOut() || result.exitCode() >= 128 || result.exitCode() < 0) {
			return true;
		}
		return OUT_OF_MEMORY.matcher(result.stderrTail()).find();
	}

	/** How a run ended: exit code (-1 when killed at the time limit), the end of stderr, and stdout for ffprobe. */
	public record Result(int exitCode, boolean timedOut, String stderrTail, String stdout) {

		public boolean ok() {
			return exitCode == 0 && !timedOut;
		}

	}

}
