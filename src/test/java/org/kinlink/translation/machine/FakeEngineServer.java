package org.kinlink.translation.machine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small local server that speaks both protocols of the port as the real servers do: LibreTranslate's
 * POST /translate (q a string or a list, translatedText in the same shape, errors as {"error": "..."} with
 * 400, 403, 429 or 500) and OpenAI's POST /v1/chat/completions (a chat.completion object, errors as
 * {"error": {"message", "type"}}). It answers, fails with a status, sends broken JSON, or keeps the request
 * waiting until the test closes it (a slow engine) - on its own threads, never the test's. Each request's body
 * and Authorization header are kept for the tests to check.
 */
final class FakeEngineServer implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	enum Mode {
		ANSWER, TOO_MANY_REQUESTS, SERVER_ERROR, BAD_JSON, WRONG_SHAPE, SLOW
	}

	/** One request as received. */
	record Received(String path, String authorization, JsonNode body) {
	}

	final AtomicReference<Mode> mode = new AtomicReference<>(Mode.ANSWER);

	/** How a text is "translated": by default the text with a marker, so tests can recognise it. */
	final AtomicReference<UnaryOperator<String>> translation = new AtomicReference<>(text -> "SQ:" + text);

	final List<Received> received = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	FakeEngineServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(executor);
		server.createContext("/translate", exchange -> handle(exchange, true));
		server.createContext("/v1/chat/completions", exchange -> handle(exchange, false));
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Every text the server was asked to translate (LibreTranslate's q, the chat's user messages). */
	List<String> textsReceived() {
		List<String> texts = new java.util.ArrayList<>();
		for (Received request : received) {
			JsonNode q = request.body().path("q");
			if (q.isArray()) {
				q.forEach(node -> texts.add(node.stringValue()));
			}
			else if (q.isString()) {
				texts.add(q.stringValue());
			}
			for (JsonNode message : request.body().path("messages")) {
				if ("user".equals(message.path("role").asString())) {
					texts.add(message.path("content").asString());
				}
			}
		}
		return texts;
	}

	private void handle(HttpExchange exchange, boolean libre) throws IOException {
		JsonNode body;
		try (InputStream in = exchange.getRequestBody()) {
			body = JSON.readTree(in.readAllBytes());
		}
		received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"), body));
		if (!"POST".equals(exchange.getRequestMethod())) {
			send(exchange, 405, "{\"error\":\"Method Not Allowed\"}");
			return;
		}
		switch (mode.get()) {
			case TOO_MANY_REQUESTS -> send(exchange, 429, libre ? "{\"error\":\"Too many request limits violations\"}"
					: "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"rate_limit_error\"}}");
			case SERVER_ERROR -> send(exchange, 500, libre ? "{\"error\":\"Cannot translate text: internal error\"}"
					: "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}");
			case BAD_JSON -> send(exchange, 200, "{\"translatedText\": [\"unterminated");
			case WRONG_SHAPE -> send(exchange, 200, libre ? "{\"translatedText\": \"one text for a list\"}"
					: "{\"object\":\"chat.completion\",\"choices\":[]}");
			case SLOW -> {
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.close();
			}
			default -> send(exchange, 200, JSON.writeValueAsString(libre ? libreAnswer(exchange, body) : chatAnswer(body)));
		}
	}

	private JsonNode libreAnswer(HttpExchange exchange, JsonNode body) {
		ObjectNode answer = JSON.createObjectNode();
		JsonNode q = body.path("q");
		if (q.isArray()) {
			ArrayNode texts = answer.putArray("translatedText");
			q.forEach(node -> texts.add(translation.get().apply(node.stringValue())));
		}
		else {
			answer.put("translatedText", translation.get().apply(q.asString()));
		}
		return answer;
	}

	private JsonNode chatAnswer(JsonNode body) {
		String text = "";
		for (JsonNode message : body.path("messages")) {
			if ("user".equals(message.path("role").asString())) {
				text = message.path("content").asString();
			}
		}
		ObjectNode answer = JSON.createObjectNode();
		answer.put("id", "chatcmpl-" + received.size());
		answer.put("object", "chat.completion");
		answer.put("created", 1_764_000_000L);
		answer.put("model", body.path("model").asString());
		ObjectNode choice = answer.putArray("choices").addObject();
		choice.put("index", 0);
		choice.putObject("message").put("role", "assistant").put("content", translation.get().apply(text));
		choice.put("finish_reason", "stop");
		answer.putObject("usage").put("prompt_tokens", 40).put("completion_tokens", 12).put("total_tokens", 52);
		return answer;
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		release.countDown();
		server.stop(0);
		executor.shutdownNow();
	}

}
