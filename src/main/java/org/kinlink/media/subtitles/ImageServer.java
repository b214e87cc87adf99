package org.kinlink.media.subtitles;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Serves the rendered cue images to ffmpeg on the loopback interface, one URL per image under a random
 * 256-bit path, only while open: many images through one small server instead of a file each on disk.
 */
final class ImageServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor;

	private final String prefix;

	private ImageServer(HttpServer server, ExecutorService executor, String prefix) {
		this.server = server;
		this.executor = executor;
		this.prefix = prefix;
	}

	static ImageServer serve(List<byte[]> images) throws IOException {
		byte[] token = new byte[32];
		new SecureRandom().nextBytes(token);
		String prefix = "/" + HexFormat.of().formatHex(token) + "/";
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
		ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
			Thread thread = new Thread(runnable, "subtitle-images");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		server.createContext("/", exchange -> {
			try (exchange) {
				String path = exchange.getRequestURI().getPath();
				int index = -1;
				if (path.startsWith(prefix) && path.endsWith(".png")) {
					try {
						index = Integer.parseInt(path.substring(prefix.length(), path.length() - 4));
					}
					catch (NumberFormatException ex) {
						index = -1;
					}
				}
				if (index < 0 || index >= images.size()) {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
				byte[] image = images.get(index);
				exchange.getResponseHeaders().set("Content-Type", "image/png");
				exchange.sendResponseHeaders(200, image.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(image);
				}
			}
			catch (IOException ex) {
				// ffmpeg closed the connection early: nothing to do.
			}
		});
		server.start();
		return new ImageServer(server, executor, prefix);
	}

	String url(int index) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + prefix + index + ".png";
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

}
