package org.kinlink.media.processing;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link PdfPages} in a child JVM with a small heap and a time limit (killed when it passes) and hands
 * each page it renders to a consumer as it arrives.
 */
final class PdfRenderer {

	private PdfRenderer() {
	}

	/** Receives the pages' PNG bytes (page number from 1). */
	interface PageSink {

		void page(int number, byte[] png) throws Exception;

	}

	/** How the rendering ended: the document's page count, or a refusal. */
	record Rendered(int pages, String problemKey) {
	}

	static Rendered render(InputStream pdf, int maxPages, int memoryMb, Duration timeLimit, PageSink sink) throws Exception {
		Process process = new ProcessBuilder(command(maxPages, memoryMb)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> {
			try (OutputStream in = process.getOutputStream()) {
				pdf.transferTo(in);
			}
			catch (IOException ex) {
				// The child stopped reading: its exit code says why.
			}
		});
		CompletableFuture<Boolean> killer = CompletableFuture.supplyAsync(() -> {
			try {
				if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
					return true;
				}
				return false;
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
				return true;
			}
		});
		int pages = 0;
		boolean complete = false;
		try (DataInputStream frames = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16))) {
			pages = frames.readInt();
			for (int number = frames.readInt(); number != 0; number = frames.readInt()) {
				int length = frames.readInt();
				if (length <= 0 || length > 256 * 1024 * 1024) {
					throw new IOException("a page frame is out of bounds");
				}
				sink.page(number, frames.readNBytes(length));
			}
			complete = true;
		}
		catch (EOFException ex) {
			// The child ended early: its exit code says why.
		}
		finally {
			if (!complete) {
				process.destroyForcibly();
			}
			feeding.cancel(true);
		}
		int exit = process.waitFor();
		boolean killed = killer.get();
		if (killed) {
			throw new IOException("the PDF renderer passed its time limit");
		}
		if (exit == PdfPages.DAMAGED) {
			return new Rendered(0, "media.problem.damaged");
		}
		if (exit == PdfPages.ENCRYPTED) {
			return new Rendered(0, "media.problem.encrypted");
		}
		if (exit != 0 || !complete) {
			throw new IOException("the PDF renderer exited with " + exit);
		}
		return new Rendered(pages, null);
	}

	/** A JVM like this one (same java, same classes) limited to {@code memoryMb} of heap, running {@link PdfPages}. */
	static List<String> command(int maxPages, int memoryMb) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("java.class.path");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + memoryMb + "m", "-Xss1m", "-XX:MaxMetaspaceSize=128m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
				"-cp", classPath));
		if (isExecutableJar(classPath)) {
			// Running from Spring Boot's executable jar: its launcher finds the nested classes and libraries.
			command.addAll(List.of("-Dloader.main=" + PdfPages.class.getName(),
					"org.springframework.boot.loader.launch.PropertiesLauncher"));
		}
		else {
			command.add(PdfPages.class.getName());
		}
		command.add(String.valueOf(maxPages));
		return command;
	}

	private static boolean isExecutableJar(String classPath) {
		return !classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar") && Files.isRegularFile(Path.of(classPath));
	}

}
