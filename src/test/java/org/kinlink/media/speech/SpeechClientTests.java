package org.kinlink.media.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client speaks the OpenAI-compatible protocol to a local server, and fails cleanly on errors and slowness. */
class SpeechClientTests {

	private static final byte[] AUDIO = "pretend-aac-bytes-\u0000\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1);

	private final FakeSpeechServer server;

	SpeechClientTests() throws Exception {
		server = new FakeSpeechServer();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private List<SpeechClient.HeardCue> transcribe(SpeechClient client) throws Exception {
		return client.transcribe(server.baseUrl(), "whisper-1", Optional.of("sk-test"), "fa",
				() -> new ByteArrayInputStream(AUDIO), AUDIO.length, "audio/mp4");
	}

	@Test
	void sendsTheAudioAsMultipartAndReadsTheSegmentsAsCues() throws Exception {
		List<SpeechClient.HeardCue> cues = transcribe(new SpeechClient(Duration.ofSeconds(10), Duration.ofSeconds(5)));

		assertThat(cues).containsExactly(new SpeechClient.HeardCue(0, 2400, "سلام مادر."),
				new SpeechClient.HeardCue(2400, 5120, "حالم خوب\u202e است."));
		String body = server.lastBodyText();
		assertThat(body).contains("name=\"model\"\r\n\r\nwhisper-1\r\n")
			.contains("name=\"response_format\"\r\n\r\nverbose_json\r\n")
			.contains("name=\"language\"\r\n\r\nfa\r\n")
			.contains("name=\"file\"; filename=\"recording.m4a\"")
			.contains(new String(AUDIO, StandardCharsets.ISO_8859_1));
		assertThat(server.lastAuthorization.get()).isEqualTo("Bearer sk-test");
	}

	@Test
	void failsCleanlyOnAnErrorStatus() {
		server.mode.set(FakeSpeechServer.Mode.FAIL);

		assertThatThrownBy(() -> transcribe(new SpeechClient(Duration.ofSeconds(10), Duration.ofSeconds(5))))
			.isInstanceOf(SpeechFailedException.class)
			.hasMessage("status 503");
	}

	@Test
	void givesUpOnASlowServerAtItsTimeLimit() {
		server.mode.set(FakeSpeechServer.Mode.HANG);

		assertThatThrownBy(() -> transcribe(new SpeechClient(Duration.ofMillis(500), Duration.ofSeconds(5))))
			.isInstanceOf(SpeechFailedException.class)
			.hasMessage("timeout");
	}

	@Test
	void failsOnAServerThatIsNotThere() {
		SpeechClient client = new SpeechClient(Duration.ofSeconds(5), Duration.ofSeconds(2));
		String gone = server.baseUrl();
		server.close();

		assertThatThrownBy(() -> client.transcribe(gone, "m", Optional.empty(), "fa", () -> new ByteArrayInputStream(AUDIO),
				AUDIO.length, "audio/mp4")).isInstanceOf(java.io.IOException.class);
	}

	@Test
	void findsTheEndpointUnderTheBaseUrl() {
		assertThat(SpeechClient.endpoint("https://stt.example.org/")).hasToString("https://stt.example.org/v1/audio/transcriptions");
		assertThat(SpeechClient.endpoint("https://stt.example.org/v1")).hasToString("https://stt.example.org/v1/audio/transcriptions");
	}

}
