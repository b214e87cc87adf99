package org.kinlink.translation.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.translation.tasks.TaskFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The machine-translation port end to end, on real PostgreSQL, against a local server speaking the engines'
 * protocols: the administrator's page (off by default, host confirmation, the key sealed and never shown, every
 * bad input refused with a message), the translator's button, the guard that keeps contact details home, the
 * stored and labelled suggestions, and engines that fail or are slow (no suggestion, never an error page).
 * The third sentence of the letter is NTREX-128 line 147 (CC BY-SA 4.0).
 */
@SpringBootTest
@AutoConfigureMockMvc
class MachineTranslationTests {

	static final String LETTER = "مادر عزیزم، سلام.\n" + "شماره تازه من ۰۹۱۲ ۳۴۵ ۶۷۸۹ است.\n"
			+ "ارتفاع موجها تا ۲۰ فوت (۶ متر)رسیده است.";

	static final String ENGINES = "/staff/admin/translation-engines";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	EngineSettings settings;

	FakeEngineServer server;

	TaskFixtures fixtures;

	@BeforeEach
	void start() throws Exception {
		server = new FakeEngineServer();
		fixtures = TaskFixtures.from(context);
		jdbc.sql("delete from translation.machine_engine").update();
	}

	@AfterEach
	void stop() {
		server.close();
		jdbc.sql("delete from translation.machine_engine").update();
	}

	// The administrator's page

	@Test
	void everyLanguagePairIsOffByDefault() throws Exception {
		Document page = html(get(ENGINES), admin());

		assertThat(page.select("tr.engine-row")).hasSize(LanguagePair.ALL.size());
		assertThat(page.select("td.engine-state").eachText()).containsOnly("Off");
	}

	@Test
	void enablingNamesTheHostAndSavesNothingUntilTheAdministratorConfirmsIt() throws Exception {
		Document asked = html(engineForm("fa-sq", "https://mt.example.org/api", true, null), admin());

		assertThat(asked.select(".engine-confirm").text()).contains("mt.example.org");
		assertThat(asked.select(".engine-plain-http")).isEmpty();
		assertThat(settings.find(new LanguagePair("fa", "sq"))).isEmpty();

		mvc.perform(engineForm("fa-sq", "https://mt.example.org/api", true, "mt.example.org").with(admin()))
			.andExpect(redirectedUrl(ENGINES))
			.andExpect(flash().attribute("notice", "machine.engine.savedOn"));

		EngineSettings.Engine engine = settings.find(new LanguagePair("fa", "sq")).orElseThrow();
		assertThat(engine.usable()).isTrue();
		assertThat(engine.confirmedHost()).isEqualTo("mt.example.org");
		assertThat(html(get(ENGINES), admin()).select("tr[data-pair=fa-sq] td.engine-state").text()).isEqualTo("Enabled");
		assertThat(auditOf("fa-sq")).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo("translation.machine.engine.update");
			assertThat(entry.detail()).contains("enabled").contains("host=mt.example.org");
		});
	}

	@Test
	void aConfirmationOfAnotherHostDoesNotCountAndAnHttpAddressIsCalledUnencrypted() throws Exception {
		Document asked = html(engineForm("fa-sq", "http://10.0.0.5:5000", true, "mt.example.org"), admin());

		assertThat(asked.select(".engine-confirm").text()).contains("10.0.0.5");
		assertThat(asked.select(".engine-plain-http").text()).contains("unencrypted");
		assertThat(settings.find(new LanguagePair("fa", "sq"))).isEmpty();
	}

	@Test
	void movingAnEnabledEngineToAnotherHostAsksAgain() throws Exception {
		enable("fa-sq", EngineKind.LIBRETRANSLATE, "https://mt.example.org", null);
		int version = settings.find(new LanguagePair("fa", "sq")).orElseThrow().version();

		Document asked = html(engineForm("fa-sq", "https://elsewhere.example.net", true, null, "version", String.valueOf(version)), admin());

		assertThat(asked.select(".engine-confirm").text()).contains("elsewhere.example.net");
		assertThat(settings.find(new LanguagePair("fa", "sq")).orElseThrow().baseUrl()).isEqualTo("https://mt.example.org");
	}

	@Test
	void theApiKeyIsStoredSealedAndNeverShownAgain() throws Exception {
		mvc.perform(engineForm("fa-en", "https://mt.example.org", false, null, "apiKey", "sk-canary-4711").with(admin()))
			.andExpect(redirectedUrl(ENGINES));

		byte[] stored = jdbc.sql("select sealed_api_key from translation.machine_engine where pair = 'fa-en'").query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("sk-canary-4711");
		assertThat(settings.apiKey(new LanguagePair("fa", "en"))).contains("sk-canary-4711");
		String form = mvc.perform(get(ENGINES + "/fa-en").with(admin())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).doesNotContain("sk-canary-4711").contains("A key is stored");
		assertThat(auditOf("fa-en")).noneMatch(entry -> String.valueOf(entry.detail()).contains("sk-canary"));

		mvc.perform(engineForm("fa-en", "https://mt.example.org", false, null, "clearKey", "true", "version", "1").with(admin()))
			.andExpect(redirectedUrl(ENGINES));
		assertThat(settings.apiKey(new LanguagePair("fa", "en"))).isEmpty();
	}

	@Test
	void everyBadInputIsRefusedWithAClearMessage() throws Exception {
		assertRefused(engineForm("fa-sq", "ftp://mt.example.org", false, null), "baseUrl", "The address must start with http:// or https://.");
		assertRefused(engineForm("fa-sq", "javascript:alert(1)", false, null), "baseUrl", "The address must start with http:// or https://.");
		assertRefused(engineForm("fa-sq", "not an address", false, null), "baseUrl", "This is not a server address. Type it as https://translate.example.org.");
		assertRefused(engineForm("fa-sq", "https://", false, null), "baseUrl", "This is not a server address. Type it as https://translate.example.org.");
		assertRefused(engineForm("fa-sq", "https://admin:secret@mt.example.org", false, null), "baseUrl",
				"Do not put a user name or password in the address; use the API key field.");
		assertRefused(engineForm("fa-sq", "https://mt.example.org/?key=1", false, null), "baseUrl",
				"The address must not have a query (?) or a fragment (#).");
		assertRefused(engineForm("fa-sq", " ", false, null), "baseUrl", "Type the server's address.");
		assertRefused(engineForm("fa-sq", "https://mt.example.org", false, null, "name", ""), "name",
				"Give the engine a name; translators see it beside its suggestions.");
		assertRefused(engineForm("fa-sq", "https://mt.example.org", false, null, "kind", "SMTP"), "kind",
				"Choose LibreTranslate or chat completions.");
		assertRefused(engineForm("fa-sq", "https://mt.example.org", false, null, "kind", "CHAT_COMPLETIONS"), "model",
				"Chat completions need the model's name.");
		for (String timeout : List.of("0", "121", "ten", "-5")) {
			assertRefused(engineForm("fa-sq", "https://mt.example.org", false, null, "timeoutSeconds", timeout),
					"timeoutSeconds", "The time-out must be a whole number of seconds from 1 to 120.");
		}
		assertRefused(engineForm("fa-sq", "https://mt.example.org", false, null, "timeoutSeconds", ""),
				"timeoutSeconds", "Type the time-out in seconds.");
		assertRefused(engineForm("fa-sq", "https://mt.example.org", false, null, "apiKey", "sk-\u202eabc"), "apiKey",
				"This text contains invisible or direction-changing characters. Please type it again without them.");
		assertRefused(engineForm("fa-sq", "https://mt.example.org", false, null, "version", "7"), null,
				"Someone changed this engine meanwhile. Look at the current settings and save again.");
		assertThat(settings.all()).isEmpty();
	}

	@Test
	void theMessagesAreInTheAdministratorsLanguage() throws Exception {
		Document persian = html(engineForm("fa-sq", "ftp://mt.example.org", false, null, "lang", "fa"), admin());
		Document albanian = html(engineForm("fa-sq", "ftp://mt.example.org", false, null, "lang", "sq"), admin());

		assertThat(persian.select("#baseUrl-error").text()).isEqualTo("نشانی باید با http:// یا https:// آغاز شود.");
		assertThat(albanian.select("#baseUrl-error").text()).isEqualTo("Adresa duhet të fillojë me http:// ose https://.");
	}

	@Test
	void anUnknownLanguagePairIsNotFound() throws Exception {
		mvc.perform(get(ENGINES + "/fa-de").with(admin())).andExpect(status().isNotFound());
		mvc.perform(engineForm("xx-yy", "https://mt.example.org", false, null).with(admin())).andExpect(status().isNotFound());
	}

	// The translator's button

	@Test
	void theEditorOffersTheEngineOnlyOnceOneIsEnabledForThePair() throws Exception {
		UUID taskId = takenAlbanianTask("tina");
		assertThat(html(get("/staff/translations/{id}", taskId), translator("tina")).select("form[action$=/machine]")).isEmpty();

		enable("fa-sq", EngineKind.LIBRETRANSLATE, server.baseUrl(), null);

		Document editor = html(get("/staff/translations/{id}", taskId), translator("tina"));
		assertThat(editor.select("form[action$=/machine] button").text()).isEqualTo("Ask the engine");
	}

	@Test
	void askingSendsOnlySentencesWithoutContactDetailsAndShowsTheAnswersLabelledWithTheEngine() throws Exception {
		UUID taskId = takenAlbanianTask("tina");
		enable("fa-sq", EngineKind.LIBRETRANSLATE, server.baseUrl(), "lt-key");

		mvc.perform(post("/staff/translations/{id}/machine", taskId).with(translator("tina")).with(csrf()))
			.andExpect(redirectedUrl("/staff/translations/" + taskId))
			.andExpect(flash().attribute("notice", "machine.notice.asked"));

		assertThat(server.textsReceived()).hasSize(2).noneMatch(text -> text.contains("۰۹۱۲") || text.contains("شماره"));
		assertThat(server.received.get(0).body().path("api_key").asString()).isEqualTo("lt-key");
		Document editor = html(get("/staff/translations/{id}", taskId), translator("tina"));
		assertThat(editor.select(".suggestion-machine")).hasSize(2);
		assertThat(editor.select(".suggestion-machine .suggestion-engine").eachText()).containsOnly("Machine: Our LibreTranslate");
		assertThat(editor.select(".suggestion-machine .suggestion-text").eachText()).contains("SQ:مادر عزیزم، سلام.");
		assertThat(editor.select(".aid-notes").text()).contains("2 of 2").contains("1 withheld");
		List<byte[]> stored = jdbc.sql("select text from translation.machine_suggestion where task_id = ?").param(taskId)
			.query(byte[].class).list();
		assertThat(stored).hasSize(2).noneMatch(bytes -> new String(bytes, StandardCharsets.UTF_8).contains("SQ:"));
		assertThat(auditOf(taskId.toString())).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo("translation.machine.ask");
			assertThat(entry.detail()).contains("sent=2").contains("withheld=1").doesNotContain("SQ:").doesNotContain("مادر");
		});
	}

	@Test
	void aChatCompletionsEngineAnswersWithItsModelAndBearerKey() throws Exception {
		UUID taskId = takenAlbanianTask("tina");
		enable("fa-sq", EngineKind.CHAT_COMPLETIONS, server.baseUrl(), "sk-local");

		mvc.perform(post("/staff/translations/{id}/machine", taskId).with(translator("tina")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(server.received).hasSize(2).allSatisfy(request -> {
			assertThat(request.path()).isEqualTo("/v1/chat/completions");
			assertThat(request.authorization()).isEqualTo("Bearer sk-local");
			assertThat(request.body().path("model").asString()).isEqualTo("aya-expanse-8b");
		});
		assertThat(html(get("/staff/translations/{id}", taskId), translator("tina")).select(".suggestion-machine")).hasSize(2);
	}

	@Test
	void onlyTheTranslatorOfATaskInProgressMayAskAndOthersFindNothing() throws Exception {
		UUID taskId = takenAlbanianTask("tina");
		enable("fa-sq", EngineKind.LIBRETRANSLATE, server.baseUrl(), null);
		UUID untaken = fixtures.task(fixtures.task(taskId).messageId(), "en").id();
		enable("fa-en", EngineKind.LIBRETRANSLATE, server.baseUrl(), null);

		mvc.perform(post("/staff/translations/{id}/machine", taskId).with(translator("tom")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/staff/translations/{id}/machine", untaken).with(translator("tina")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/staff/translations/{id}/machine", UUID.randomUUID()).with(translator("tina")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/staff/translations/{id}/machine", taskId).with(user("rita").roles("REVIEWER")).with(csrf()))
			.andExpect(status().isForbidden());

		assertThat(server.received).isEmpty();
	}

	@Test
	void withTheEngineSwitchedOffTheButtonIsGoneAndAskingFindsNothing() throws Exception {
		UUID taskId = takenAlbanianTask("tina");
		enable("fa-sq", EngineKind.LIBRETRANSLATE, server.baseUrl(), null);
		EngineSettings.Engine engine = settings.find(new LanguagePair("fa", "sq")).orElseThrow();
		settings.save(engine.pair(), new EngineSettings.Change(engine.kind(), engine.name(), engine.baseUrl(), null,
				engine.timeout(), false, null, null, false, engine.version()));

		mvc.perform(post("/staff/translations/{id}/machine", taskId).with(translator("tina")).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(server.received).isEmpty();
	}

	@Test
	void anEngineThatRefusesOrBreaksGivesNoSuggestionAndNoErrorPage() throws Exception {
		UUID taskId = takenAlbanianTask("tina");
		enable("fa-sq", EngineKind.LIBRETRANSLATE, server.baseUrl(), null);

		for (FakeEngineServer.Mode mode : List.of(FakeEngineServer.Mode.TOO_MANY_REQUESTS, FakeEngineServer.Mode.SERVER_ERROR,
				FakeEngineServer.Mode.BAD_JSON)) {
			server.mode.set(mode);
			mvc.perform(post("/staff/translations/{id}/machine", taskId).with(translator("tina")).with(csrf()))
				.andExpect(redirectedUrl("/staff/translations/" + taskId))
				.andExpect(flash().attribute("notice", "machine.notice.failed"));
			Document editor = html(get("/staff/translations/{id}", taskId), translator("tina"));
			assertThat(editor.select(".suggestion-machine")).as(mode.name()).isEmpty();
		}
	}

	@Test
	void aSlowEngineIsCutOffAtItsTimeOut() throws Exception {
		UUID taskId = takenAlbanianTask("tina");
		enable("fa-sq", EngineKind.LIBRETRANSLATE, server.baseUrl(), null);
		server.mode.set(FakeEngineServer.Mode.SLOW);

		mvc.perform(post("/staff/translations/{id}/machine", taskId).with(translator("tina")).with(csrf()))
			.andExpect(flash().attribute("notice", "machine.notice.failed"));

		assertThat(html(get("/staff/translations/{id}", taskId), translator("tina")).select(".suggestion-machine")).isEmpty();
	}

	private UUID takenAlbanianTask(String translator) {
		UUID messageId = fixtures.acceptedLetter(LETTER);
		assertThat(fixtures.task(messageId, "sq").segmentCount()).isEqualTo(3);
		return fixtures.taken(messageId, "sq", translator).id();
	}

	/** An engine enabled directly (the page's two steps are tested above); one second of time-out. */
	private void enable(String pair, EngineKind kind, String baseUrl, String key) {
		LanguagePair languages = LanguagePair.of(pair).orElseThrow();
		int version = settings.find(languages).map(EngineSettings.Engine::version).orElse(0);
		String name = kind == EngineKind.LIBRETRANSLATE ? "Our LibreTranslate" : "Our model";
		settings.save(languages, new EngineSettings.Change(kind, name, baseUrl,
				kind == EngineKind.CHAT_COMPLETIONS ? "aya-expanse-8b" : null, Duration.ofSeconds(1), true,
				EngineSettings.Engine.host(baseUrl), key, false, version));
	}

	/** The engine form with sensible values; pairs of name and value replace them (a blank value sends ""). */
	private static MockHttpServletRequestBuilder engineForm(String pair, String baseUrl, boolean enabled, String confirmedHost,
			String... replaced) {
		java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
		params.put("kind", "LIBRETRANSLATE");
		params.put("name", "Our LibreTranslate");
		params.put("baseUrl", baseUrl);
		params.put("model", "");
		params.put("timeoutSeconds", "20");
		params.put("version", "0");
		if (enabled) {
			params.put("enabled", "true");
		}
		if (confirmedHost != null) {
			params.put("confirmedHost", confirmedHost);
		}
		for (int i = 0; i + 1 < replaced.length; i += 2) {
			params.put(replaced[i], replaced[i + 1]);
		}
		MockHttpServletRequestBuilder request = post(ENGINES + "/{pair}", pair).with(csrf());
		params.forEach(request::param);
		return request;
	}

	private void assertRefused(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
		Document page = html(request, admin());
		String shown = field == null ? page.select(".alert-danger").text() : page.select("#" + field + "-error, select#" + field + " ~ .invalid-feedback").text();
		assertThat(shown).as(field).isEqualTo(message);
	}

	private Document html(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private List<AuditEntry> auditOf(String recordId) {
		return audit.latest(500, Long.MAX_VALUE).stream().filter(e -> recordId.equals(e.recordId())).toList();
	}

	private static RequestPostProcessor admin() {
		return user("ada").roles("ADMIN");
	}

	private static RequestPostProcessor translator(String name) {
		return user(name).roles("TRANSLATOR");
	}

}
