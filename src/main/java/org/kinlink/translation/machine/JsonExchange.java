package org.kinlink.translation.machine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts a JSON body to an engine and reads its JSON answer, with a connect time-out and a time-out for the
 * whole request; redirects are not followed (the text goes only to the host the administrator confirmed).
 * Every failure becomes an {@link EngineFailure} whose reason holds no text.
 */
@Component
class JsonExchange {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** An answer larger than this is not a translation of a batch of sentences. */
	private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

	private final HttpClient http;

	JsonExchange(@Value("${kinlink.translation.machine.connect-timeout:PT5S}") Duration connectTimeout) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	JsonNode post(URI endpoint, JsonNode body, String bearer, Duration timeout) throws EngineFailure, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
		if (bearer != null && !bearer.isBlank()) {
			request.header("Authorization", "Bearer " + bearer);
		}
		HttpResponse<InputStream> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpConnectTimeoutException ex) {
			throw new EngineFailure("connect timeout");
		}
		catch (HttpTimeoutException ex) {
			throw new EngineFailure("timeout");
		}
		catch (IOException ex) {
			throw new EngineFailure("unreachable " + ex.getClass().getSimpleName());
		}
		try (InputStream in = response.body()) {
			if (response.statusCode() / 100 != 2) {
				throw new EngineFailure("status " + response.statusCode());
			}
			byte[] answer = in.readNBytes(MAX_ANSWER_BYTES + 1);
			if (answer.length > MAX_ANSWER_BYTES) {
				throw new EngineFailure("answer too large");
			}
			return JSON.readTree(answer);
		}
		catch (JacksonException ex) {
			throw new EngineFailure("unreadable answer");
		}
		catch (IOException ex) {
			throw new EngineFailure("broken answer " + ex.getClass().getSimpleName());
		}
	}

	/** The base URL without trailing slashes, with the path appended. */
	static URI endpoint(String baseUrl, String path) {
		return URI.create(baseUrl.strip().replaceAll("/+$", "") + path);
	}

}
