package org.kinlink.translation.machine;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * LibreTranslate's HTTP API: POST {base}/translate with {"q": [texts], "source", "target", "format": "text",
 * "api_key"} answers {"translatedText": [texts]} (a list for a list); errors come as a status with {"error"}.
 * Dari is sent as Persian, the language LibreTranslate knows.
 */
@Component
class LibreTranslateClient implements EngineClient {

	private final JsonExchange exchange;

	LibreTranslateClient(JsonExchange exchange) {
		this.exchange = exchange;
	}

	@Override
	public EngineKind kind() {
		return EngineKind.LIBRETRANSLATE;
	}

	@Override
	public int batchSize() {
		return 25;
	}

	@Override
	public List<String> translate(EngineCall call, List<String> texts) throws EngineFailure, InterruptedException {
		ObjectNode body = JsonExchange.JSON.createObjectNode();
		texts.forEach(body.putArray("q")::add);
		body.put("source", code(call.pair().source()));
		body.put("target", code(call.pair().target()));
		body.put("format", "text");
		if (call.apiKey() != null && !call.apiKey().isBlank()) {
			body.put("api_key", call.apiKey());
		}
		JsonNode answer = exchange.post(JsonExchange.endpoint(call.baseUrl(), "/translate"), body, null, call.timeout());
		JsonNode translated = answer.path("translatedText");
		if (!translated.isArray() || translated.size() != texts.size()) {
			throw new EngineFailure("wrong-shape");
		}
		List<String> out = new ArrayList<>(texts.size());
		translated.forEach(node -> out.add(node.isString() ? node.stringValue() : null));
		return out;
	}

	private static String code(String language) {
		return "prs".equals(language) ? "fa" : language;
	}

}
