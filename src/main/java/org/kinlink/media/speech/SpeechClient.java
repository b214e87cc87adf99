package org.kinlink.media.speech;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Client of an OpenAI-compatible speech-to-text server: POST {base}/v1/audio/transcriptions as multipart
 * (file streamed from the decrypted working copy, never from disk; model; response_format=verbose_json;
 * language), with a connect and a total time limit; the answer's segments become cues.
 */
@Component
class SpeechClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Duration timeLimit;

	private final HttpClient http;

	SpeechClient(@Value("${kinlink.media.speech.time-limit:PT10M}") Duration timeLimit,
			@Value("${kinlink.media.speech.connect-timeout:PT10S}") Duration connectTimeout) {
		this.timeLimit = timeLimit;
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/** One cue the engine heard: from, to (milliseconds) and text. */
	record HeardCue(long startMs, long endMs, String text) {
	}

	/**
	 * Sends the audio and returns the cues. {@link SpeechFailedException} for a time-out, an error status or
	 * an answer without segments that can be read.
	 */
	List<HeardCue> transcribe(String baseUrl, String model, Optional<String> apiKey, String language,
			Supplier<InputStream> audio, long size, String contentType) throws IOException, InterruptedException {
		String boundary = "kinlink-" + UUID.randomUUID();
		byte[] head = (field(boundary, "model", model) + field(boundary, "response_format", "verbose_json")
				+ field(boundary, "language", language) + "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName(contentType) + "\"\r\n"
				+ "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
				HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(head),
						new SequenceInputStream(audio.get(), new ByteArrayInputStream(tail)))),
				head.length + size + tail.length);
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(baseUrl))
			.timeout(timeLimit)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(body);
		apiKey.filter(key -> !key.isBlank()).ifPresent(key -> request.header("Authorization", "Bearer " + key));
		HttpResponse<InputStream> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpTimeoutException ex) {
			throw new SpeechFailedException("timeout");
		}
		try (InputStream in = response.body()) {
			if (response.statusCode() / 100 != 2) {
				throw new SpeechFailedException("status " + response.statusCode());
			}
			return cues(JSON.readTree(in));
		}
		catch (JacksonException ex) {
			throw new SpeechFailedException("unreadable answer");
		}
	}

	static List<HeardCue> cues(JsonNode answer) throws SpeechFailedException {
		JsonNode segments = answer.path("segments");
		List<HeardCue> cues = new ArrayList<>();
		if (!segments.isArray()) {
			String text = answer.path("text").asString("").strip();
			if (!text.isEmpty() && answer.path("duration").isNumber()) {
				cues.add(new HeardCue(0, Math.round(answer.path("duration").asDouble() * 1000), text));
				return cues;
			}
			throw new SpeechFailedException("no segments");
		}
		for (JsonNode segment : segments) {
			String text = segment.path("text").asString("").strip();
			long start = Math.round(segment.path("start").asDouble(-1) * 1000);
			long end = Math.round(segment.path("end").asDouble(-1) * 1000);
			if (!text.isEmpty() && start >= 0 && end > start) {
				cues.add(new HeardCue(start, end, text));
			}
		}
		return cues;
	}

	static URI endpoint(String baseUrl) {
		String base = baseUrl.strip().replaceAll("/+$", "");
		return URI.create(base.endsWith("/v1") ? base + "/audio/transcriptions" : base + "/v1/audio/transcriptions");
	}

	private static String field(String boundary, String name, String value) {
		return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}

	private static String fileName(String contentType) {
		return contentType != null && contentType.startsWith("video/") ? "recording.mp4" : "recording.m4a";
	}

}
