package org.kinlink.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged Kinlink jar as a separate process on the harness's PostgreSQL and folders; killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) and started again on the same port and data.
 */
final class KinlinkServer {

	private final Path jar;

	private final Path root;

	private final int port;

	private final int databasePort;

	private final int mailPort;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	private int starts;

	KinlinkServer(Path jar, Path root, int port, int databasePort, int mailPort) {
		this.jar = jar;
		this.root = root;
		this.port = port;
		this.databasePort = databasePort;
		this.mailPort = mailPort;
	}

	int port() {
		return port;
	}

	URI base() {
		return URI.create("http://localhost:" + port);
	}

	long pid() {
		return process.pid();
	}

	void start() throws IOException {
		starts++;
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + root.resolve("tmp"),
				"-jar", jar.toString(), "--server.port=" + port,
				"--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				// S20: a request that needs the database while it is down waits 5 s for a connection, then 503.
				"--spring.datasource.hikari.connection-timeout=5000",
				"--kinlink.data-dir=" + root.resolve("data"), "--kinlink.storage.blobs=local",
				"--kinlink.storage.local-folder=" + root.resolve("blobs"),
				// One client address drives the whole load: the per-client limits would answer 429 to most of it.
				"--kinlink.portal.throttle.letter.per-client=1000000", "--kinlink.portal.throttle.letter.global=1000000",
				"--kinlink.portal.throttle.receipt.per-client=1000000", "--kinlink.portal.throttle.receipt.global=1000000",
				// Short leases and grace periods so that work a killed node held is taken over within the run.
				"--kinlink.uploads.lease=PT5S", "--kinlink.media.jobs.lease=PT6S", "--kinlink.media.jobs.initial-delay=PT1S",
				"--kinlink.storage.sweep.grace=PT5S", "--kinlink.storage.sweep.initial-delay=PT2S",
				"--kinlink.storage.sweep.interval=PT2S",
				// Packets go to the harness's SMTP server (plain, on loopback); a mail a kill interrupted is retried soon.
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailPort,
				"--spring.mail.properties.mail.smtp.starttls.enable=false", "--spring.mail.properties.mail.smtp.starttls.required=false",
				"--kinlink.referrals.mail-retry.min-age=PT5S", "--kinlink.referrals.mail-retry.initial-delay=PT5S",
				"--kinlink.referrals.mail-retry.interval=PT5S",
				// OCR of the harness's noise images proves nothing and costs CPU: the binary answers with nothing.
				"--kinlink.media.ocr.command=/bin/true", "--spring.main.banner-mode=off"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("logs").resolve("server.log").toFile()));
		builder.environment().remove("SPRING_PROFILES_ACTIVE");
		process = builder.start();
	}

	/** Waits until health answers UP; false when the process died or the time ran out. */
	boolean awaitUp(Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				return false;
			}
			if (health() == 200) {
				return true;
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		return false;
	}

	/** The health endpoint's status code, or -1 when nothing answers. */
	int health() throws InterruptedException {
		try {
			return http.send(HttpRequest.newBuilder(base().resolve("/actuator/health")).timeout(Duration.ofSeconds(15)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	boolean alive() {
		return process != null && process.isAlive();
	}

	/** SIGKILL; answers the exit code (137 = 128 + SIGKILL). */
	int kill() throws InterruptedException {
		process.destroyForcibly();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the server did not die");
		}
		return process.exitValue();
	}

	/** A clean stop at the end of the run. */
	void stop() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	int starts() {
		return starts;
	}

}
