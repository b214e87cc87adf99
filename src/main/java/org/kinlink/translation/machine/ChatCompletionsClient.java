package org.kinlink.translation.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * An OpenAI-compatible chat-completions endpoint (a self-hosted model): POST {base}/v1/chat/completions with the
 * model, temperature 0, a system message saying what to do and the segment as the user message; the answer is
 * choices[0].message.content. One segment per request, so that a model cannot merge or drop sentences.
 */
@Component
class ChatCompletionsClient implements EngineClient {

	/** What some reasoning models put before their answer. */
	private static final Pattern THINKING = Pattern.compile("(?s)^\\s*<think>.*?</think>");

	private final JsonExchange exchange;

	ChatCompletionsClient(JsonExchange exchange) {
		this.exchange = exchange;
	}

	@Override
	public EngineKind kind() {
		return EngineKind.CHAT_COMPLETIONS;
	}

	@Override
	public int batchSize() {
		return 1;
	}

	@Override
	public List<String> translate(EngineCall call, List<String> texts) throws EngineFailure, InterruptedException {
		List<String> out = new ArrayList<>(texts.size());
		for (String text : texts) {
			out.add(translateOne(call, text));
		}
		return out;
	}

	private String translateOne(EngineCall call, String text) throws EngineFailure, InterruptedException {
		ObjectNode body = JsonExchange.JSON.createObjectNode();
		body.put("model", call.model());
		body.put("temperature", 0);
		body.put("stream", false);
		ArrayNode messages = body.putArray("messages");
		messages.addObject().put("role", "system").put("content", instructions(call.pair()));
		messages.addObject().put("role", "user").put("content", text);
		JsonNode answer = exchange.post(endpoint(call.baseUrl()), body, call.apiKey(), call.timeout());
		JsonNode content = answer.path("choices").path(0).path("message").path("content");
		if (!content.isString()) {
			throw new EngineFailure("no-content");
		}
		return THINKING.matcher(content.stringValue()).replaceFirst("");
	}

	static String instructions(LanguagePair pair) {
		return """
				You are a professional translator. Translate the user's text from %s into %s. Answer with the \
				translation only: no explanation, no notes, no quotation marks. Keep every number, name and date \
				as it is in the text.""".formatted(LanguagePair.englishName(pair.source()),
				LanguagePair.englishName(pair.target()));
	}

	static java.net.URI endpoint(String baseUrl) {
		String base = baseUrl.strip().replaceAll("/+$", "");
		return JsonExchange.endpoint(base, base.endsWith("/v1") ? "/chat/completions" : "/v1/chat/completions");
	}

}
