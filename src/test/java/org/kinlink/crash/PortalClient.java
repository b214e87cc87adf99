package org.kinlink.crash;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A family's browser or app against the public portal: letters through the JSON API (with files uploaded by
 * tus, resumed after a crash) and through the plain form (multipart, with a CSRF token), each retried with
 * the same key until the server either acknowledges it or says it already has it.
 */
final class PortalClient {

	private static final String TUS = "1.0.0";

	private static final int CHUNK = 48 * 1024;

	private final URI base;

	private final String canary;

	private final HttpClient http;

	private final Random random;

	private final AtomicInteger fileSequence;

	private final AtomicInteger uploadsInFlight;

	/** Status codes seen, counted (for the report: how the server answered while it or its database was down). */
	final Map<String, AtomicInteger> answers;

	PortalClient(URI base, String canary, HttpClient http, Random random, AtomicInteger fileSequence,
			AtomicInteger uploadsInFlight, Map<String, AtomicInteger> answers) {
		this.base = base;
		this.canary = canary;
		this.http = http;
		this.random = random;
		this.fileSequence = fileSequence;
		this.uploadsInFlight = uploadsInFlight;
		this.answers = answers;
	}

	static Map<String, AtomicInteger> newAnswers() {
		return new ConcurrentHashMap<>();
	}

	/** Sends the letter until it has an outcome, or {@code giveUp} says the run is over. */
	void send(Letter letter, BooleanSupplier giveUp) throws InterruptedException {
		List<byte[]> files = new java.util.ArrayList<>();
		int count = switch (letter.way) {
			case API_TUS_FILES -> 1 + random.nextInt(2);
			case FORM_FILE -> 1;
			default -> 0;
		};
		for (int i = 0; i < count; i++) {
			long size = 120_000L + fileSequence.getAndIncrement() * 37L;
			letter.fileSizes.add(size);
			files.add(png(size, letter.number));
		}
		switch (letter.way) {
			case API_TEXT -> apiLetter(letter, giveUp);
			case API_TUS_FILES -> {
				for (byte[] file : files) {
					Optional<UUID> upload = tusUpload(file, giveUp);
					if (upload.isEmpty()) {
						return;
					}
					letter.confirmedUploads.add(upload.get());
				}
				apiLetter(letter, giveUp);
			}
			case FORM_TEXT, FORM_FILE -> formLetter(letter, files, giveUp);
		}
	}

	private void apiLetter(Letter letter, BooleanSupplier giveUp) throws InterruptedException {
		StringBuilder ids = new StringBuilder();
		for (UUID id : letter.confirmedUploads) {
			ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
		}
		String json = "{\"senderNameLatin\":\"Harness Sender " + letter.number + "\",\"relationship\":\"brother\","
				+ "\"addresseeNameLatin\":\"Harness Addressee\",\"language\":\"fa\",\"text\":\"" + text(letter)
				+ "\",\"uploadIds\":[" + ids + "]}";
		while (!giveUp.getAsBoolean()) {
			HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/portal/letters"))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.header("Accept-Language", "en")
				.header("Idempotency-Key", letter.key.toString())
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build();
			Optional<HttpResponse<String>> response = exchange(request);
			if (response.isPresent()) {
				int status = response.get().statusCode();
				String body = response.get().body();
				if (status == 201) {
					letter.receipt = field(body, "receipt");
					letter.outcome = Letter.Outcome.ACKNOWLEDGED;
					return;
				}
				if (status == 409 && body.contains("portal.letter.alreadyReceived")) {
					letter.outcome = Letter.Outcome.STORED_UNACKNOWLEDGED;
					return;
				}
				if (status == 409 && body.contains("uploads.notReady") || status == 400) {
					letter.refusal = status + " " + body;
					letter.outcome = Letter.Outcome.REFUSED;
					return;
				}
			}
			pause();
		}
	}

	private void formLetter(Letter letter, List<byte[]> files, BooleanSupplier giveUp) throws InterruptedException {
		String csrf = null;
		String cookie = null;
		String formKey = null;
		String action = null;
		while (!giveUp.getAsBoolean()) {
			if (formKey == null) {
				Optional<HttpResponse<String>> page = exchange(HttpRequest.newBuilder(base.resolve("/"))
					.timeout(Duration.ofSeconds(60)).header("Accept-Language", "en").GET().build());
				if (page.isEmpty() || page.get().statusCode() != 200) {
					pause();
					continue;
				}
				Document form = Jsoup.parse(page.get().body());
				csrf = form.select("input[name=_csrf]").attr("value");
				formKey = form.select("input[name=formKey]").attr("value");
				// Spring's multipart parsing is off (S6), so the CSRF token rides in the form's action URL.
				action = form.select("form#letter-form").attr("action");
				cookie = page.get().headers().allValues("Set-Cookie").stream()
					.filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
					.findFirst().orElse(null);
				if (csrf.isEmpty() || formKey.isEmpty() || action.isEmpty() || cookie == null) {
					throw new IllegalStateException("the letter form has no CSRF token or form key");
				}
			}
			String boundary = "----kinlink" + UUID.randomUUID();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			part(body, boundary, "_csrf", csrf);
			part(body, boundary, "formKey", formKey);
			part(body, boundary, "senderNameLatin", "Harness Sender " + letter.number);
			part(body, boundary, "relationship", "sister");
			part(body, boundary, "addresseeNameLatin", "Harness Addressee");
			part(body, boundary, "language", "fa");
			part(body, boundary, "text", text(letter));
			for (byte[] file : files) {
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"scan.png\"\r\n"
						+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
				body.writeBytes(file);
				body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpRequest request = HttpRequest.newBuilder(base.resolve(action))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Accept-Language", "en")
				.header("Cookie", cookie)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build();
			Optional<HttpResponse<String>> response = exchange(request);
			if (response.isPresent() && response.get().statusCode() == 200) {
				Document page = Jsoup.parse(response.get().body());
				Element receipt = page.getElementById("receipt");
				if (receipt != null) {
					letter.receipt = digits(receipt.text());
					letter.outcome = Letter.Outcome.ACKNOWLEDGED;
					return;
				}
				if (page.select("input[name=relationship]").isEmpty() && page.select("a[href=/portal/status]").size() > 0) {
					letter.outcome = Letter.Outcome.STORED_UNACKNOWLEDGED;
					return;
				}
			}
			if (response.isPresent() && (response.get().statusCode() == 400 || response.get().statusCode() == 413)) {
				letter.refusal = "form " + response.get().statusCode();
				letter.outcome = Letter.Outcome.REFUSED;
				return;
			}
			pause();
		}
	}

	/** Uploads the file with tus, resuming after failures; the id once the server confirmed every byte. */
	private Optional<UUID> tusUpload(byte[] file, BooleanSupplier giveUp) throws InterruptedException {
		URI location = null;
		long offset = 0;
		while (!giveUp.getAsBoolean()) {
			if (location == null) {
				Optional<HttpResponse<String>> created = exchange(HttpRequest.newBuilder(base.resolve("/api/v1/portal/uploads"))
					.timeout(Duration.ofSeconds(60))
					.header("Tus-Resumable", TUS)
					.header("Upload-Length", String.valueOf(file.length))
					.header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("scan.png".getBytes(StandardCharsets.UTF_8)))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build());
				if (created.isEmpty() || created.get().statusCode() != 201) {
					pause();
					continue;
				}
				location = base.resolve(created.get().headers().firstValue("Location").orElseThrow());
				offset = 0;
			}
			if (offset == file.length) {
				String path = location.getPath();
				return Optional.of(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
			}
			int length = (int) Math.min(CHUNK, file.length - offset);
			int from = (int) offset;
			HttpRequest patch = HttpRequest.newBuilder(location)
				.timeout(Duration.ofSeconds(60))
				.header("Tus-Resumable", TUS)
				.header("Upload-Offset", String.valueOf(offset))
				.header("Content-Type", "application/offset+octet-stream")
				.method("PATCH", HttpRequest.BodyPublishers.fromPublisher(
						HttpRequest.BodyPublishers.ofInputStream(() -> new SlowStream(file, from, length)), length))
				.build();
			uploadsInFlight.incrementAndGet();
			Optional<HttpResponse<String>> patched;
			try {
				patched = exchange(patch);
			}
			finally {
				uploadsInFlight.decrementAndGet();
			}
			if (patched.isPresent() && patched.get().statusCode() == 204) {
				offset = Long.parseLong(patched.get().headers().firstValue("Upload-Offset").orElseThrow());
				continue;
			}
			// Where does the server stand? A crash may have kept all, part or none of the last piece.
			pause();
			Optional<HttpResponse<String>> head = exchange(HttpRequest.newBuilder(location)
				.timeout(Duration.ofSeconds(60)).header("Tus-Resumable", TUS)
				.method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
			// tus 1.0: a HEAD is answered 200 or 204 (this server says 204), with Upload-Offset either way
			if (head.isPresent() && (head.get().statusCode() == 200 || head.get().statusCode() == 204)) {
				offset = Long.parseLong(head.get().headers().firstValue("Upload-Offset").orElseThrow());
			}
			else if (head.isPresent() && (head.get().statusCode() == 404 || head.get().statusCode() == 410)) {
				location = null;
			}
		}
		return Optional.empty();
	}

	/** True when the receipt opens a letter through the status API. */
	boolean statusFound(String receipt) throws InterruptedException {
		for (int attempt = 0; attempt < 20; attempt++) {
			Optional<HttpResponse<String>> response = exchange(HttpRequest.newBuilder(base.resolve("/api/v1/portal/status"))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"receipt\":\"" + receipt + "\"}"))
				.build());
			if (response.isPresent() && (response.get().statusCode() == 200 || response.get().statusCode() == 404)) {
				return response.get().statusCode() == 200;
			}
			pause();
		}
		throw new IllegalStateException("the status API did not answer");
	}

	private Optional<HttpResponse<String>> exchange(HttpRequest request) throws InterruptedException {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			answers.computeIfAbsent(request.method() + " " + response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
			return Optional.of(response);
		}
		catch (IOException ex) {
			answers.computeIfAbsent(request.method() + " no answer", k -> new AtomicInteger()).incrementAndGet();
			return Optional.empty();
		}
	}

	private void pause() throws InterruptedException {
		TimeUnit.MILLISECONDS.sleep(200 + random.nextInt(300));
	}

	private String text(Letter letter) {
		return "سلام برادر عزیزم، همه ما خوب هستیم و منتظر خبر تو هستیم. " + canary + "-" + letter.number;
	}

	private static void part(ByteArrayOutputStream body, String boundary, String name, String value) {
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
	}

	private static String field(String json, String name) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return matcher.group(1);
	}

	static String digits(String text) {
		StringBuilder digits = new StringBuilder();
		text.codePoints().forEach(c -> {
			if (c >= '0' && c <= '9') {
				digits.append((char) c);
			}
			else if (c >= '۰' && c <= '۹') {
				digits.append((char) ('0' + c - '۰'));
			}
		});
		return digits.toString();
	}

	/** A small noise PNG padded with a tEXt chunk holding the canary, exactly {@code size} bytes long. */
	private byte[] png(long size, int letterNumber) {
		BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 48; y++) {
			for (int x = 0; x < 48; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		byte[] plain = out.toByteArray();
		int iend = plain.length - 12;
		int dataLength = (int) (size - plain.length - 12);
		byte[] data = new byte[dataLength];
		byte[] head = ("Comment\0" + canary + "-" + letterNumber + " ").getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(head, 0, data, 0, head.length);
		for (int i = head.length; i < dataLength; i++) {
			data[i] = (byte) ('a' + random.nextInt(26));
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.write(plain, 0, iend);
		byte[] type = "tEXt".getBytes(StandardCharsets.ISO_8859_1);
		png.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(dataLength).array());
		png.writeBytes(type);
		png.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(type);
		crc.update(data);
		png.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
		png.write(plain, iend, 12);
		byte[] result = png.toByteArray();
		if (result.length != size) {
			throw new IllegalStateException("png of " + result.length + " bytes, wanted " + size);
		}
		return result;
	}

	/** A piece of a file sent slowly (8 KB every 10 ms), so that a kill can find an upload in flight. */
	private static final class SlowStream extends InputStream {

		private final byte[] file;

		private int position;

		private final int end;

		SlowStream(byte[] file, int from, int length) {
			this.file = file;
			this.position = from;
			this.end = from + length;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (position >= end) {
				return -1;
			}
			try {
				TimeUnit.MILLISECONDS.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			int n = Math.min(Math.min(length, 8192), end - position);
			System.arraycopy(file, position, buffer, offset, n);
			position += n;
			return n;
		}

	}

}
