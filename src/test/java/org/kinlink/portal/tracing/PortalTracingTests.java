package org.kinlink.portal.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinlink.cases.DisclosureLevel;
import org.kinlink.people.People;
import org.kinlink.portal.DatabaseDump;
import org.kinlink.portal.PortalClient;
import org.kinlink.portal.receipts.Receipt;
import org.kinlink.portal.receipts.Receipts;
import org.kinlink.storage.Vault;
import org.kinlink.tracing.TracingFixture;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A family's tracing request through the portal: the form and its bad inputs, the one-time receipt, double
 * submission, rate limits, nothing kept about the visitor (S4), wrong receipts answered alike (S2), and the
 * answer page, which says only what the person allows (S15): "nothing" and "not found" are the same page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class PortalTracingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Receipts receipts;

	@Autowired
	People people;

	@Autowired
	Vault vault;

	@Autowired
	JdbcClient jdbc;

	PortalClient family;

	TracingFixture fixture;

	@BeforeEach
	void setUp() {
		family = new PortalClient(mvc);
		fixture = new TracingFixture(people, vault, jdbc);
	}

	static Map<String, String> request(String persian, String latin) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("formKey", PortalClient.newFormKey());
		form.put("soughtNamePersian", persian);
		form.put("soughtNameLatin", latin);
		form.put("soughtFatherName", "حسن");
		form.put("soughtBirthYear", "1990");
		form.put("soughtBirthPlace", "مشهد");
		form.put("soughtOtherDetails", "خال روی گونهٔ چپ");
		form.put("requesterName", "مریم");
		form.put("requesterRelationship", "مادر");
		form.put("language", "fa");
		return form;
	}

	MockHttpServletResponse submit(Map<String, String> form, String language) throws Exception {
		return mvc.perform(family.postForm("/portal/tracing", form).header("Accept-Language", language)).andReturn().getResponse();
	}

	String send(Map<String, String> form) throws Exception {
		MockHttpServletResponse response = submit(form, "en");
		assertThat(response.getStatus()).isEqualTo(200);
		return String.join("", Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).select("#receipt span").eachText());
	}

	UUID requestOf(String receipt) {
		return receipts.owner(Receipt.parse(receipt).orElseThrow()).orElseThrow().tracingRequestId();
	}

	MockHttpServletResponse status(String receipt, String language) throws Exception {
		return mvc.perform(new PortalClient(mvc).postForm("/portal/status", Map.of("receipt", receipt)).header("Accept-Language", language))
			.andReturn()
			.getResponse();
	}

	long requests() {
		return jdbc.sql("select count(*) from tracing.request").query(Long.class).single();
	}

	static RequestPostProcessor caseworker() {
		return user("portal-tracing-cw").roles("CASEWORKER");
	}

	void staff(String path, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post(path).with(csrf()).with(caseworker());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).as(path).isEqualTo(302);
	}

	/** Links the request to the person and answers the family, as a caseworker does. */
	void answer(String receipt, UUID person, String note) throws Exception {
		UUID id = requestOf(receipt);
		staff("/staff/tracing/" + id + "/link", "personId", person.toString());
		staff("/staff/tracing/" + id + "/answer", "note", note);
	}

	void closeNotFound(String receipt) throws Exception {
		staff("/staff/tracing/" + requestOf(receipt) + "/close");
	}

	/** The page with the parts that may differ removed: the CSRF token and the dates' own values. */
	String comparable(MockHttpServletResponse response) throws Exception {
		String html = response.getContentAsString(StandardCharsets.UTF_8);
		for (String token : Jsoup.parse(html).select("input[name=_csrf]").eachAttr("value")) {
			html = html.replace(token, "");
		}
		return html.replaceAll("<time>[^<]*</time>", "<time></time>");
	}

	@Test
	void theHomePageLinksToTheTracingFormWhichNeedsNoScript() throws Exception {
		Document home = Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(home.select("a[href=/portal/tracing]")).hasSize(1);
		MockHttpServletResponse response = mvc.perform(get("/portal/tracing").header("Accept-Language", "fa")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		Document form = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(form.select("form#tracing-form").attr("method")).isEqualTo("post");
		assertThat(form.select("form#tracing-form input[name=formKey]").attr("value")).matches("[A-Za-z0-9_-]{43}");
		assertThat(form.select("form#tracing-form input[name=_csrf]")).hasSize(1);
		assertThat(form.select("script:not([src])")).isEmpty();
		assertThat(form.select("h1").text()).contains("بستگانتان");
	}

	@Test
	void aRequestIsStoredSealedWithAReceiptShownOnceAndReadsSearching(CapturedOutput output) throws Exception {
		String canary = "Kanari" + UUID.randomUUID().toString().substring(0, 8);
		String agent = "TracingAgent/" + canary;
		Map<String, String> form = request("قناری " + canary.substring(6), canary);
		form.put("soughtOtherDetails", "نشانی " + canary + " گونه");
		long before = requests();
		MockHttpServletResponse response = mvc.perform(family.postForm("/portal/tracing", form)
			.header("User-Agent", agent).header("Referer", "https://referrer.example/" + canary)
			.header("X-Forwarded-For", "203.0.113.77")).andReturn().getResponse();
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		String receipt = String.join("", Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).select("#receipt span").eachText());
		assertThat(receipt).matches("\\d{20}");
		assertThat(requests()).isEqualTo(before + 1);
		UUID id = requestOf(receipt);
		assertThat(jdbc.sql("select source from tracing.request where id = ?").param(id).query(String.class).single()).isEqualTo("PORTAL");
		assertThat(jdbc.sql("select hash from portal.receipt where tracing_request_id = ?").param(id).query(String.class).single())
			.startsWith("$argon2id$v=19$");

		DatabaseDump dump = DatabaseDump.of(jdbc);
		for (String secret : List.of(canary, agent, "203.0.113.77", "referrer.example", receipt, "نشانی " + canary)) {
			assertThat(dump.contains(secret)).as(secret).isFalse();
			assertThat(output.getAll()).as(secret).doesNotContain(secret);
		}
		Document page = Jsoup.parse(status(receipt, "en").getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#tracing-answer").text()).contains("We have received your request and are looking");
		assertThat(page.text()).doesNotContain(canary);
	}

	@Test
	void aRequestWithoutNamesIsRefusedWithAMessageInTheFamilysLanguage() throws Exception {
		Map<String, String> expected = Map.of("en", "Please write the name of the person you are looking for",
				"fa", "لطفاً نام شخصی را که در جست‌وجوی او هستید", "sq", "Ju lutemi shkruani emrin e personit që kërkoni");
		long before = requests();
		for (var language : expected.entrySet()) {
			MockHttpServletResponse response = submit(request("", ""), language.getKey());
			assertThat(response.getStatus()).isEqualTo(400);
			Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
			assertThat(page.select("#soughtNamePersian-error").text()).contains(language.getValue());
			assertThat(page.select("input[name=requesterName]").attr("value")).isEqualTo("مریم");
		}
		assertThat(requests()).isEqualTo(before);
	}

	@Test
	void everyBadFieldIsRefusedAndNothingIsStored() throws Exception {
		List<Map.Entry<String, String>> bad = List.of(Map.entry("soughtBirthYear", "1850"), Map.entry("soughtBirthYear", "2999"),
				Map.entry("soughtBirthYear", "نود"), Map.entry("soughtBirthYear", "۱۳۶۹"),
				Map.entry("soughtNamePersian", "علی\u202Eاحمد"), Map.entry("soughtNameLatin", "Ali\u200BAhmadi"),
				Map.entry("soughtOtherDetails", "a\u2067b"), Map.entry("soughtBirthPlace", "x".repeat(101)),
				Map.entry("requesterName", " "), Map.entry("requesterRelationship", ""), Map.entry("language", "de"));
		long before = requests();
		for (Map.Entry<String, String> field : bad) {
			family = new PortalClient(mvc);
			Map<String, String> form = request("علی احمدی", "Ali Ahmadi");
			form.put(field.getKey(), field.getValue());
			MockHttpServletResponse response = submit(form, "sq");
			assertThat(response.getStatus()).as(field.toString()).isEqualTo(400);
			Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
			assertThat(page.select(".is-invalid").eachAttr("name")).as(field.toString()).contains(field.getKey());
			assertThat(page.select(".alert-danger").text()).as(field.toString()).contains("Ju lutemi kontrolloni");
		}
		assertThat(requests()).isEqualTo(before);
		Map<String, String> persianYear = request("علی احمدی", "Ali Ahmadi");
		persianYear.put("soughtBirthYear", "۱۹۹۰");
		assertThat(send(persianYear)).matches("\\d{20}");
	}

	@Test
	void aReplayedFormIsStoredOnceAndABadFormKeyIsRefused() throws Exception {
		Map<String, String> form = request("علی احمدی", "Ali Ahmadi");
		long before = requests();
		assertThat(send(form)).matches("\\d{20}");
		MockHttpServletResponse again = submit(form, "en");
		assertThat(again.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(again.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#receipt")).isEmpty();
		assertThat(page.select("h1").text()).contains("already received");
		assertThat(requests()).isEqualTo(before + 1);
		form.put("formKey", "short");
		MockHttpServletResponse badKey = submit(form, "en");
		assertThat(badKey.getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(badKey.getContentAsString(StandardCharsets.UTF_8)).select("input[name=formKey]").attr("value"))
			.matches("[A-Za-z0-9_-]{43}");
		assertThat(requests()).isEqualTo(before + 1);
	}

	@Test
	void tooManyRequestsFromOneVisitorAreRefused() throws Exception {
		int answered429 = 0;
		for (int i = 0; i < 11; i++) {
			MockHttpServletResponse response = submit(request("", ""), "en");
			if (response.getStatus() == 429) {
				answered429++;
			}
			else {
				assertThat(response.getStatus()).isEqualTo(400);
			}
		}
		assertThat(answered429).isEqualTo(1);
		assertThat(mvc.perform(new PortalClient(mvc).postForm("/portal/tracing", request("", ""))).andReturn().getResponse().getStatus())
			.as("another visitor").isEqualTo(400);
	}

	@Test
	void aWrongReceiptGetsTheSameAnswerAsAnyUnknownOne() throws Exception {
		String first = status("12345678901234567890", "en").getContentAsString(StandardCharsets.UTF_8);
		MockHttpServletResponse second = status("98765432109876543210", "en");
		assertThat(second.getStatus()).isEqualTo(404);
		assertThat(comparable(second)).isEqualTo(first.replace(
				Jsoup.parse(first).select("input[name=_csrf]").attr("value"), "").replaceAll("<time>[^<]*</time>", "<time></time>"));
		MockHttpServletResponse api = mvc.perform(post("/api/v1/portal/tracing/status").with(family.from())
			.contentType(MediaType.APPLICATION_JSON).content("{\"receipt\":\"11112222333344445555\"}")).andReturn().getResponse();
		assertThat(api.getStatus()).isEqualTo(404);
		String letterReceipt = family.send(PortalClient.letter("سلام"));
		MockHttpServletResponse letterOnTracing = mvc.perform(post("/api/v1/portal/tracing/status").with(family.from())
			.contentType(MediaType.APPLICATION_JSON).content("{\"receipt\":\"" + letterReceipt + "\"}")).andReturn().getResponse();
		assertThat(letterOnTracing.getStatus()).isEqualTo(404);
		assertThat(letterOnTracing.getContentAsString()).isEqualTo(api.getContentAsString());
		String tracingReceipt = send(request("علی احمدی", "Ali Ahmadi"));
		MockHttpServletResponse tracingOnLetters = mvc.perform(post("/api/v1/portal/status").with(family.from())
			.contentType(MediaType.APPLICATION_JSON).content("{\"receipt\":\"" + tracingReceipt + "\"}")).andReturn().getResponse();
		assertThat(tracingOnLetters.getStatus()).isEqualTo(404);
		MockHttpServletResponse replyWithTracingReceipt = mvc.perform(family.postForm("/portal/replies",
				Map.of("receipt", tracingReceipt, "text", "سپاس"))).andReturn().getResponse();
		assertThat(replyWithTracingReceipt.getStatus()).isEqualTo(404);
	}

	@Test
	void nothingAndNotFoundAndWithdrawnReadExactlyAlike() throws Exception {
		UUID choseNothing = fixture.person("نیلوفر رستگار", "Niloufar Rastegar", "حسن", 1990);
		fixture.decide(choseNothing, DisclosureLevel.NOTHING);
		UUID neverDecided = fixture.person("نیلوفر رستگار", "Niloufar Rastegar", "حسن", 1990);
		UUID withdrew = fixture.person("نیلوفر رستگار", "Niloufar Rastegar", "حسن", 1990);
		fixture.decide(withdrew, DisclosureLevel.SHARE_CONTACT);

		String nothingReceipt = send(request("نیلوفر رستگار", "Niloufar Rastegar"));
		answer(nothingReceipt, choseNothing, "");
		String undecidedReceipt = send(request("نیلوفر رستگار", "Niloufar Rastegar"));
		answer(undecidedReceipt, neverDecided, "");
		String notFoundReceipt = send(request("نیلوفر رستگار", "Niloufar Rastegar"));
		closeNotFound(notFoundReceipt);
		String withdrawnReceipt = send(request("نیلوفر رستگار", "Niloufar Rastegar"));
		answer(withdrawnReceipt, withdrew, "Niloufar: write to PO box 77");
		assertThat(status(withdrawnReceipt, "en").getContentAsString(StandardCharsets.UTF_8)).contains("PO box 77");
		fixture.withdraw(withdrew);

		for (String language : List.of("fa", "sq", "en")) {
			MockHttpServletResponse notFound = status(notFoundReceipt, language);
			assertThat(notFound.getStatus()).isEqualTo(200);
			String expected = comparable(notFound);
			assertThat(Jsoup.parse(expected).select("time")).hasSize(2);
			for (String receipt : List.of(nothingReceipt, undecidedReceipt, withdrawnReceipt)) {
				MockHttpServletResponse page = status(receipt, language);
				assertThat(page.getStatus()).isEqualTo(notFound.getStatus());
				assertThat(comparable(page)).as(language).isEqualTo(expected);
			}
		}
		assertThat(Jsoup.parse(status(notFoundReceipt, "en").getContentAsString(StandardCharsets.UTF_8)).select("#tracing-answer").text())
			.isEqualTo("We have no information that we can give you about this person.");
		String notFoundJson = apiStatus(notFoundReceipt);
		assertThat(notFoundJson).contains("\"answer\":\"no_information\"").contains("\"note\":null");
		assertThat(apiStatus(nothingReceipt)).isEqualTo(notFoundJson);
		assertThat(apiStatus(withdrawnReceipt)).isEqualTo(notFoundJson);
	}

	@Test
	void aliveAndWellShowsOnlyThat() throws Exception {
		UUID person = fixture.person("سیمین بهبهانی‌زاده", "Simin Behbahanizadeh", "حسن", 1990);
		fixture.decide(person, DisclosureLevel.ALIVE_AND_WELL);
		String receipt = send(request("سیمین بهبهانی‌زاده", "Simin Behbahanizadeh"));
		answer(receipt, person, "");
		Document page = Jsoup.parse(status(receipt, "en").getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#tracing-answer").text()).isEqualTo("The person you asked about is alive and well.");
		assertThat(page.select("#tracing-note")).isEmpty();
		assertThat(page.text()).doesNotContain("Simin", "سیمین", "مشهد", "write to them");
		assertThat(Jsoup.parse(status(receipt, "fa").getContentAsString(StandardCharsets.UTF_8)).select("#tracing-answer").text())
			.isEqualTo("شخصی که دربارهٔ او پرسیده‌اید زنده و سالم است.");
		assertThat(apiStatus(receipt)).contains("\"answer\":\"alive_and_well\"").contains("\"note\":null");
	}

	@Test
	void inTouchShowsTheCaseworkersNoteUntilTheConsentChanges() throws Exception {
		UUID person = fixture.person("پرستو آفرین", "Parastoo Afarin", "حسن", 1990);
		fixture.decide(person, DisclosureLevel.SHARE_CONTACT);
		String receipt = send(request("پرستو آفرین", "Parastoo Afarin"));
		answer(receipt, person, "پرستو می‌خواهد با شما تماس بگیرد: صندوق پستی ۴۲");
		Document page = Jsoup.parse(status(receipt, "fa").getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#tracing-note").text()).isEqualTo("پرستو می‌خواهد با شما تماس بگیرد: صندوق پستی ۴۲");
		assertThat(apiStatus(receipt)).contains("\"answer\":\"in_touch\"").contains("صندوق پستی");
		fixture.decide(person, DisclosureLevel.RECEIVE_MESSAGES);
		Document messages = Jsoup.parse(status(receipt, "en").getContentAsString(StandardCharsets.UTF_8));
		assertThat(messages.select("#tracing-answer").text()).contains("you may write to them through us");
		assertThat(messages.select("#tracing-note")).isEmpty();
		assertThat(messages.text()).doesNotContain("صندوق");
	}

	@Test
	void theJsonApiTakesARequestOnceAndAnswersWithTheReceiptInTheBody() throws Exception {
		String body = "{\"soughtNamePersian\":\"علی احمدی\",\"soughtNameLatin\":\"Ali Ahmadi\",\"soughtBirthYear\":1990,"
				+ "\"requesterName\":\"مریم\",\"requesterRelationship\":\"مادر\",\"language\":\"fa\"}";
		String key = UUID.randomUUID().toString();
		MockHttpServletResponse created = mvc.perform(post("/api/v1/portal/tracing").with(family.from())
			.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key).content(body)).andReturn().getResponse();
		assertThat(created.getStatus()).isEqualTo(201);
		assertThat(created.getHeader("Cache-Control")).contains("no-store");
		String receipt = created.getContentAsString().replaceAll(".*\"receipt\":\"(\\d{20})\".*", "$1");
		assertThat(receipt).matches("\\d{20}");
		assertThat(mvc.perform(post("/api/v1/portal/tracing").with(family.from()).contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", key).content(body)).andReturn().getResponse().getStatus()).isEqualTo(409);
		assertThat(apiStatus(receipt)).contains("\"answer\":\"searching\"").contains("\"answeredOn\":null");

		for (String bad : List.of(body.replace("\"soughtNamePersian\":\"علی احمدی\",\"soughtNameLatin\":\"Ali Ahmadi\",", ""),
				body.replace("1990", "1850"), body.replace("علی احمدی", "علی\u202Eاحمدی"), body.replace("\"مریم\"", "\"\""))) {
			MockHttpServletResponse refused = mvc.perform(post("/api/v1/portal/tracing").with(family.from())
				.contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "fa").content(bad)).andReturn().getResponse();
			assertThat(refused.getStatus()).as(bad).isEqualTo(400);
			assertThat(refused.getContentType()).startsWith("application/problem+json");
		}
	}

	String apiStatus(String receipt) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/portal/tracing/status").with(new PortalClient(mvc).from())
			.contentType(MediaType.APPLICATION_JSON).content("{\"receipt\":\"" + receipt + "\"}")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8).replaceAll("\"(receivedOn|answeredOn)\":\"[0-9-]+\"", "\"$1\":\"day\"");
	}

}
