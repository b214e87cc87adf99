package org.kinlink.media.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.audit.AuditTrail;
import org.kinlink.media.MediaKind;
import org.kinlink.media.Rendition;
import org.kinlink.media.processing.Job;
import org.kinlink.media.processing.Steps;
import org.kinlink.media.transcripts.EngineState;
import org.kinlink.media.transcripts.MediaFixtures;
import org.kinlink.media.transcripts.SegmentSource;
import org.kinlink.media.transcripts.StoredSegment;
import org.kinlink.media.transcripts.TranscriptRecord;
import org.kinlink.media.transcripts.TranscriptStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The speech-to-text port on real PostgreSQL against a small local server speaking the OpenAI-compatible
 * protocol: the administrator's page (warning, sealed key, bad input, roles), the TRANSCRIBE step importing
 * cues, retrying a failing server then saying there is no transcript, doing nothing while off, and the
 * editor's import button.
 */
@SpringBootTest(properties = "kinlink.media.jobs.enabled=false")
@AutoConfigureMockMvc
class SpeechTests {

	private static final byte[] AUDIO = "pretend-aac-audio".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	SpeechSettings settings;

	@Autowired
	TranscribeStep step;

	@Autowired
	TranscriptStore transcripts;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	FakeSpeechServer server;

	UUID voice;

	@BeforeEach
	void voiceMessageAndServer() throws IOException {
		server = new FakeSpeechServer();
		MediaFixtures fixtures = MediaFixtures.from(context);
		voice = fixtures.file(MediaKind.AUDIO, "audio/mp4", null, null, 9_500L, 0);
		fixtures.rendition(voice, Rendition.of(Rendition.Kind.WORKING), AUDIO, "audio/mp4", null, null);
		configure(true, server.baseUrl(), "sk-secret-123");
	}

	@AfterEach
	void stopServer() {
		server.close();
	}

	private void configure(boolean enabled, String baseUrl, String key) {
		settings.save(enabled, baseUrl, "whisper-1", key, false, settings.current().map(SpeechSettings.Engine::version).orElse(0));
	}

	private static Job job(UUID fileId, int attempt, String params) {
		return new Job(UUID.randomUUID(), fileId, Steps.TRANSCRIBE, params, attempt);
	}

	@Test
	void importsTheEnginesSegmentsAsDraftCues() throws Exception {
		step.run(job(voice, 1, ""));

		TranscriptRecord transcript = transcripts.find(voice).orElseThrow();
		assertThat(transcript.approved()).isFalse();
		assertThat(transcript.engineState()).isEqualTo(EngineState.DONE);
		assertThat(transcript.segments()).extracting(StoredSegment::text).containsExactly("سلام مادر.", "حالم خوب است.");
		assertThat(transcript.segments()).extracting(StoredSegment::startMs).containsExactly(0L, 2400L);
		assertThat(transcript.segments()).extracting(StoredSegment::endMs).containsExactly(2400L, 5120L);
		assertThat(transcript.segments()).allMatch(cue -> cue.source() == SegmentSource.STT);
		assertThat(server.lastBodyText()).contains("pretend-aac-audio").contains("whisper-1");
		assertThat(server.lastAuthorization.get()).isEqualTo("Bearer sk-secret-123");
	}

	@Test
	void retriesAFailingServerThenSaysThereIsNoTranscript() throws Exception {
		server.mode.set(FakeSpeechServer.Mode.FAIL);

		assertThatThrownBy(() -> step.run(job(voice, 1, ""))).isInstanceOf(IOException.class);
		assertThat(step.run(job(voice, TranscribeStep.ATTEMPTS, "")).next()).isEmpty();

		assertThat(transcripts.find(voice).orElseThrow().engineState()).isEqualTo(EngineState.FAILED);
		Document page = Jsoup.parse(mvc.perform(get("/staff/media/{id}/transcript", voice).with(staff("INTAKE")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.text()).contains("The speech engine gave no transcript for this recording.");
	}

	@Test
	void sendsNothingWhileTheEngineIsOff() throws Exception {
		configure(false, server.baseUrl(), "");

		step.run(job(voice, 1, ""));

		assertThat(server.requests.get()).isZero();
		assertThat(transcripts.find(voice)).isEmpty();
	}

	@Test
	void queuesAnImportFromTheEditorsButton() throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/staff/media/{id}/transcript", voice).with(staff("INTAKE")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("form[action$=/transcript/import]")).hasSize(1);

		mvc.perform(post("/staff/media/{id}/transcript/import", voice).with(staff("INTAKE")).with(csrf()).param("version", "0"))
			.andExpect(redirectedUrl("/staff/media/" + voice + "/transcript"));

		assertThat(jdbc.sql("select params from media.job where file_id = ? and step = ? and state = 'PENDING'")
			.params(voice, Steps.TRANSCRIBE).query(String.class).list()).containsExactly(SpeechSettings.IMPORT_ON_REQUEST);
		assertThat(transcripts.find(voice).orElseThrow().engineState()).isEqualTo(EngineState.QUEUED);
		step.run(job(voice, 1, SpeechSettings.IMPORT_ON_REQUEST));
		assertThat(transcripts.find(voice).orElseThrow().segments()).hasSize(2);
	}

	@Test
	void refusesTheImportWhileTheEngineIsOff() throws Exception {
		configure(false, server.baseUrl(), "");

		mvc.perform(post("/staff/media/{id}/transcript/import", voice).with(staff("INTAKE")).with(csrf()).param("version", "0"))
			.andExpect(status().isConflict());
	}

	@Test
	void showsTheAdministratorTheWarningButNeverTheKey() throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/staff/media/speech").with(staff("ADMIN")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

		assertThat(page.selectFirst(".speech-warning").text()).contains("leaves Kinlink");
		assertThat(page.selectFirst("input[name=baseUrl]").val()).isEqualTo(server.baseUrl());
		assertThat(page.html()).doesNotContain("sk-secret-123");
		assertThat(page.text()).contains("A key is stored");
		assertThat(jdbc.sql("select sealed_api_key from media.speech_engine where id = 1").query(byte[].class).single())
			.asString(StandardCharsets.ISO_8859_1).doesNotContain("sk-secret");
	}

	@Test
	void savesTheSettingsAndKeepsTheKeyWhenLeftEmpty() throws Exception {
		int version = settings.current().orElseThrow().version();

		mvc.perform(post("/staff/media/speech").with(staff("ADMIN")).with(csrf())
			.param("enabled", "true").param("baseUrl", "https://stt.example.org").param("model", "large-v3")
			.param("apiKey", "").param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/staff/media/speech"));

		SpeechSettings.Engine engine = settings.current().orElseThrow();
		assertThat(engine.baseUrl()).isEqualTo("https://stt.example.org");
		assertThat(engine.model()).isEqualTo("large-v3");
		assertThat(settings.apiKey()).contains("sk-secret-123");
		assertThat(audit.latest(5, Long.MAX_VALUE)).anyMatch(entry -> "speech.settings.update".equals(entry.action()));
	}

	@Test
	void refusesAPlainHttpServerElsewhereAMissingModelAndBidiControls() throws Exception {
		int version = settings.current().orElseThrow().version();

		String body = mvc.perform(post("/staff/media/speech").with(staff("ADMIN")).with(csrf()).header("Accept-Language", "en")
			.param("enabled", "true").param("baseUrl", "http://stt.example.org").param("model", "")
			.param("apiKey", "key\u202e").param("version", String.valueOf(version)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		Document page = Jsoup.parse(body);
		assertThat(page.select(".invalid-feedback").eachText()).contains("Please enter an https address (http only for this machine), without a query.",
				"Please enter the model name.");
		assertThat(page.select(".invalid-feedback").text()).contains("invisible or direction-changing");
		assertThat(settings.current().orElseThrow().baseUrl()).isEqualTo(server.baseUrl());
	}

	@Test
	void letsOnlyAdministratorsConfigureTheEngine() throws Exception {
		mvc.perform(get("/staff/media/speech").with(staff("INTAKE"))).andExpect(status().isForbidden());
		mvc.perform(post("/staff/media/speech").with(staff("REVIEWER")).with(csrf()).param("baseUrl", "https://x.org")
			.param("model", "m")).andExpect(status().isForbidden());
	}

	private static RequestPostProcessor staff(String role) {
		return user("staff-" + role.toLowerCase()).roles(role);
	}

}
