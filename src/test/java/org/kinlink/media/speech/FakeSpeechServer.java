package org.kinlink.media.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

/**
 * A small local server that speaks the OpenAI-compatible /v1/audio/transcriptions protocol: it answers a
 * verbose_json transcript, an error status, or nothing until released (a slow engine). It keeps the last
 * request's body and Authorization header for the tests to check.
 */
final class FakeSpeechServer implements AutoCloseable {

	static final String VERBOSE_JSON = """
			{"task":"transcribe","language":"persian","duration":9.5,"text":"سلام مادر. حالم خوب است.",
			 "segments":[{"id":0,"start":0.0,"end":2.4,"text":" سلام مادر."},
			             {"id":1,"start":2.4,"end":5.12,"text":" حالم خوب\u202e است."},
			             {"id":2,"start":6.0,"end":6.0,"text":"empty"}]}""";

	enum Mode {

		ANSWER, FAIL, HANG

	}

	private final HttpServer server;

	private final CountDownLatch release = new CountDownLatch(1);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	final AtomicReference<Mode> mode = new AtomicReference<>(Mode.ANSWER);

	final AtomicReference<byte[]> lastBody = new AtomicReference<>();

	final AtomicReference<String> lastAuthorization = new AtomicReference<>();

	final AtomicInteger requests = new AtomicInteger();

	FakeSpeechServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(executor);
		server.createContext("/v1/audio/transcriptions", exchange -> {
			requests.incrementAndGet();
			try (InputStream in = exchange.getRequestBody()) {
				lastBody.set(in.readAllBytes());
			}
			lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			switch (mode.get()) {
				case FAIL -> {
					exchange.sendResponseHeaders(503, -1);
					exchange.close();
				}
				case HANG -> {
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					exchange.close();
				}
				default -> {
					byte[] answer = VERBOSE_JSON.getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().add("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, answer.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(answer);
					}
				}
			}
		});
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	String lastBodyText() {
		return new String(lastBody.get(), StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() {
		release.countDown();
		server.stop(0);
		executor.shutdownNow();
	}

}
