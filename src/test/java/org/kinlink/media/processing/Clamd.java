package org.kinlink.media.processing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A real ClamAV daemon (Debian package clamav-daemon; .ci/run installs it) with a signature database this
 * test makes: one body signature for a marker string, so no virus database is downloaded. Listens on a free
 * loopback port; {@link #stop()} ends it.
 */
final class Clamd {

	static final String MARKER = "KINLINK-TEST-MALWARE-MARKER";

	private static final Path BINARY = Path.of("/usr/sbin/clamd");

	private final Path folder;

	private final int port;

	private Process process;

	private Clamd(Path folder, int port) {
		this.folder = folder;
		this.port = port;
	}

	static Clamd start() {
		try {
			if (!Files.isExecutable(BINARY)) {
				throw new IllegalStateException("clamd is missing: install the Debian package clamav-daemon (.ci/run does)");
			}
			Path folder = Files.createTempDirectory("kinlink-clamd");
			Path database = Files.createDirectories(folder.resolve("db"));
			String hex = HexFormat.of().formatHex(MARKER.getBytes(StandardCharsets.US_ASCII));
			Files.writeString(database.resolve("kinlink-test.ndb"), "Kinlink.Test.Marker:0:*:" + hex + "\n");
			int port = freePort();
			Files.writeString(folder.resolve("clamd.conf"), String.join("\n", "Foreground yes", "TCPSocket " + port,
					"TCPAddr 127.0.0.1", "DatabaseDirectory " + database, "LogFile " + folder.resolve("clamd.log"),
					"StreamMaxLength 50M", "SelfCheck 0", ""));
			Clamd clamd = new Clamd(folder, port);
			clamd.process = new ProcessBuilder(BINARY.toString(), "--config-file=" + folder.resolve("clamd.conf"))
				.redirectErrorStream(true)
				.redirectOutput(folder.resolve("clamd.out").toFile())
				.start();
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(clamd::accepts);
			return clamd;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return port;
	}

	void stop() {
		if (process != null) {
			process.destroy();
			try {
				if (!process.waitFor(20, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private boolean accepts() {
		if (!process.isAlive()) {
			throw new IllegalStateException("clamd ended: see " + folder.resolve("clamd.out"));
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
