package org.kinlink.media.ffmpeg;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SeekableByteChannel;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Lets ffmpeg read a decrypted file without a plaintext copy on disk: the bytes are served over HTTP on the
 * loopback interface, with range requests (so ffmpeg can seek to an MP4's index at the end), under a random
 * 256-bit path, only while the source is open. Close it when the subprocess is done. A source that could not
 * be opened (the database or the store was away) answers 503 and is remembered: {@link #failure()} lets the
 * caller tell such a passing outage from a file ffmpeg cannot read, so a family's file is never set aside as
 * damaged because PostgreSQL restarted (found by the crash harness).
 */
public final class LoopbackSource implements AutoCloseable {

	private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

	private final HttpServer server;

	private final ExecutorService executor;

	private final String path;

	private final AtomicReference<RuntimeException> failure;

	private LoopbackSource(HttpServer server, ExecutorService executor, String path, AtomicReference<RuntimeException> failure) {
		this.server = server;
		this.executor = executor;
		this.path = path;
		this.failure = failure;
	}

	/** Serves the plaintext that {@code channel} opens (once per request) of {@code size} bytes. */
	public static LoopbackSource serve(Supplier<SeekableByteChannel> channel, long size) throws IOException {
		byte[] token = new byte[32];
		new SecureRandom().nextBytes(token);
		String path = "/" + HexFormat.of().formatHex(token);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
		ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
			Thread thread = new Thread(runnable, "media-loopback");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		server.createContext("/", exchange -> {
			try (exchange) {
				if (!exchange.getRequestURI().getPath().equals(path)) {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
				respond(exchange, channel, size, failure);
			}
			catch (IOException ex) {
				// ffmpeg closed the connection early (it often does after reading an index): nothing to do.
			}
			catch (RuntimeException ex) {
				failure.compareAndSet(null, ex);
			}
		});
		server.start();
		return new LoopbackSource(server, executor, path, failure);
	}

	private static void respond(HttpExchange exchange, Supplier<SeekableByteChannel> channel, long size,
			AtomicReference<RuntimeException> failure) throws IOException {
		long from = 0;
		long to = size - 1;
		String range = exchange.getRequestHeaders().getFirst("Range");
		boolean partial = false;
		if (range != null) {
			Matcher matcher = RANGE.matcher(range.trim());
			if (matcher.matches()) {
				from = Long.parseLong(matcher.group(1));
				if (!matcher.group(2).isEmpty()) {
					to = Math.min(to, Long.parseLong(matcher.group(2)));
				}
				partial = true;
			}
		}
		exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
		// One request per connection: ffmpeg 8 would otherwise reuse a connection for a seek (soft-seek) that
		// this server has already given up on, and silently lose the packets it asked for.
		exchange.getResponseHeaders().set("Connection", "close");
		exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
		if (from > to || from >= size) {
			exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
			exchange.sendResponseHeaders(416, -1);
			return;
		}
		long length = to - from + 1;
		if (partial) {
			exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
		}
		if ("HEAD".equals(exchange.getRequestMethod())) {
			exchange.sendResponseHeaders(partial ? 206 : 200, -1);
			return;
		}
		SeekableByteChannel opened;
		try {
			opened = channel.get();
		}
		catch (RuntimeException ex) {
			failure.compareAndSet(null, ex);
			exchange.sendResponseHeaders(503, -1);
			return;
		}
		try (SeekableByteChannel in = opened) {
			exchange.sendResponseHeaders(partial ? 206 : 200, length);
			try (OutputStream out = exchange.getResponseBody()) {
				org.kinlink.media.RangeStreaming.copy(in, from, length, out);
			}
		}
	}

	/** Why the source could not be served, if it could not: an outage to retry, not a fault of the file. */
	public Optional<RuntimeException> failure() {
		return Optional.ofNullable(failure.get());
	}

	/** Throws when the source could not be served, so that the caller retries instead of judging the file. */
	public void requireServed() throws IOException {
		RuntimeException ex = failure.get();
		if (ex != null) {
			throw new IOException("the decrypted source could not be served: " + ex.getClass().getName(), ex);
		}
	}

	/** The URL ffmpeg reads ({@code -i url}). */
	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

}
