package org.kinlink.translation.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two protocols against a local server that speaks them: the request shapes LibreTranslate and an
 * OpenAI-compatible server expect, their answers, and every way they fail (429, 500, broken JSON, an answer
 * of the wrong shape, a server slower than the time-out). A failure's reason never carries any text.
 */
class EngineClientsTests {

	static final String SENTENCE = "ارتفاع موجها تا ۲۰ فوت (۶ متر)رسیده است.";

	static final LanguagePair FA_SQ = new LanguagePair("fa", "sq");

	FakeEngineServer server;

	JsonExchange exchange = new JsonExchange(Duration.ofSeconds(2));

	@BeforeEach
	void start() throws Exception {
		server = new FakeEngineServer();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	EngineCall call(String key, Duration timeout) {
		return new EngineCall(server.baseUrl(), "aya-expanse-8b", key, FA_SQ, timeout);
	}

	@Test
	void libreTranslateGetsTheBatchAsAListWithLanguagesFormatAndKey() throws Exception {
		List<String> answers = new LibreTranslateClient(exchange).translate(call("lt-key", Duration.ofSeconds(5)),
				List.of("مادر عزیزم، سلام.", SENTENCE));

		assertThat(answers).containsExactly("SQ:مادر عزیزم، سلام.", "SQ:" + SENTENCE);
		FakeEngineServer.Received request = server.received.get(0);
		assertThat(request.path()).isEqualTo("/translate");
		assertThat(request.body().path("q").isArray()).isTrue();
		assertThat(request.body().path("source").asString()).isEqualTo("fa");
		assertThat(request.body().path("target").asString()).isEqualTo("sq");
		assertThat(request.body().path("format").asString()).isEqualTo("text");
		assertThat(request.body().path("api_key").asString()).isEqualTo("lt-key");
		assertThat(request.authorization()).isNull();
	}

	@Test
	void libreTranslateWithoutAKeySendsNoKeyAndDariAsPersian() throws Exception {
		new LibreTranslateClient(exchange).translate(
				new EngineCall(server.baseUrl() + "/", null, null, new LanguagePair("prs", "en"), Duration.ofSeconds(5)),
				List.of("سلام"));

		assertThat(server.received.get(0).body().has("api_key")).isFalse();
		assertThat(server.received.get(0).body().path("source").asString()).isEqualTo("fa");
		assertThat(server.received.get(0).body().path("target").asString()).isEqualTo("en");
	}

	@Test
	void chatCompletionsSendsOneSegmentPerRequestWithModelTemperatureZeroAndBearerKey() throws Exception {
		List<String> answers = new ChatCompletionsClient(exchange).translate(call("sk-local", Duration.ofSeconds(5)),
				List.of(SENTENCE));

		assertThat(answers).containsExactly("SQ:" + SENTENCE);
		FakeEngineServer.Received request = server.received.get(0);
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.authorization()).isEqualTo("Bearer sk-local");
		assertThat(request.body().path("model").asString()).isEqualTo("aya-expanse-8b");
		assertThat(request.body().path("temperature").asInt()).isZero();
		assertThat(request.body().path("messages").get(0).path("role").asString()).isEqualTo("system");
		assertThat(request.body().path("messages").get(0).path("content").asString()).contains("from Persian into Albanian");
		assertThat(request.body().path("messages").get(1).path("role").asString()).isEqualTo("user");
		assertThat(request.body().path("messages").get(1).path("content").asString()).isEqualTo(SENTENCE);
	}

	@Test
	void chatCompletionsTakesABaseUrlEndingInV1AndDropsAModelsThinking() throws Exception {
		server.translation.set(text -> "<think>the user wants Albanian</think>\nDallgët kanë arritur deri në 20 këmbë (6 metra).");

		List<String> answers = new ChatCompletionsClient(exchange).translate(
				new EngineCall(server.baseUrl() + "/v1", "m", null, FA_SQ, Duration.ofSeconds(5)), List.of(SENTENCE));

		assertThat(answers.get(0).strip()).isEqualTo("Dallgët kanë arritur deri në 20 këmbë (6 metra).");
		assertThat(server.received.get(0).authorization()).isNull();
	}

	@Test
	void tooManyRequestsIsAFailureWithoutText() {
		server.mode.set(FakeEngineServer.Mode.TOO_MANY_REQUESTS);

		assertThatThrownBy(() -> new LibreTranslateClient(exchange).translate(call(null, Duration.ofSeconds(5)), List.of(SENTENCE)))
			.isInstanceOf(EngineFailure.class).hasMessage("status 429");
		assertThatThrownBy(() -> new ChatCompletionsClient(exchange).translate(call(null, Duration.ofSeconds(5)), List.of(SENTENCE)))
			.isInstanceOf(EngineFailure.class).hasMessage("status 429");
	}

	@Test
	void aServerErrorIsAFailure() {
		server.mode.set(FakeEngineServer.Mode.SERVER_ERROR);

		assertThatThrownBy(() -> new LibreTranslateClient(exchange).translate(call(null, Duration.ofSeconds(5)), List.of(SENTENCE)))
			.isInstanceOf(EngineFailure.class).hasMessage("status 500");
	}

	@Test
	void brokenJsonIsAFailure() {
		server.mode.set(FakeEngineServer.Mode.BAD_JSON);

		assertThatThrownBy(() -> new LibreTranslateClient(exchange).translate(call(null, Duration.ofSeconds(5)), List.of(SENTENCE)))
			.isInstanceOf(EngineFailure.class).hasMessage("unreadable answer");
		assertThatThrownBy(() -> new ChatCompletionsClient(exchange).translate(call(null, Duration.ofSeconds(5)), List.of(SENTENCE)))
			.isInstanceOf(EngineFailure.class).hasMessageNotContaining(SENTENCE);
	}

	@Test
	void anAnswerOfTheWrongShapeIsAFailure() {
		server.mode.set(FakeEngineServer.Mode.WRONG_SHAPE);

		assertThatThrownBy(() -> new LibreTranslateClient(exchange).translate(call(null, Duration.ofSeconds(5)), List.of("a", "b")))
			.isInstanceOf(EngineFailure.class);
		assertThatThrownBy(() -> new ChatCompletionsClient(exchange).translate(call(null, Duration.ofSeconds(5)), List.of("a")))
			.isInstanceOf(EngineFailure.class);
	}

	@Test
	void aSlowEngineTimesOutWithoutAnAnswer() {
		server.mode.set(FakeEngineServer.Mode.SLOW);

		assertThatThrownBy(() -> new LibreTranslateClient(exchange).translate(call(null, Duration.ofMillis(300)), List.of(SENTENCE)))
			.isInstanceOf(EngineFailure.class).hasMessage("timeout");
		assertThatThrownBy(() -> new ChatCompletionsClient(exchange).translate(call(null, Duration.ofMillis(300)), List.of(SENTENCE)))
			.isInstanceOf(EngineFailure.class).hasMessage("timeout");
	}

	@Test
	void anEngineThatIsNotThereIsAFailure() throws Exception {
		String gone = server.baseUrl();
		server.close();

		assertThatThrownBy(() -> new LibreTranslateClient(exchange).translate(
				new EngineCall(gone, null, null, FA_SQ, Duration.ofSeconds(2)), List.of(SENTENCE)))
			.isInstanceOf(EngineFailure.class).hasMessageStartingWith("unreachable");
	}

	@Test
	void theKeyNeverShowsInTheCallsDescription() {
		assertThat(call("sk-secret", Duration.ofSeconds(1)).toString()).doesNotContain("sk-secret");
	}

}
