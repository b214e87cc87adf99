package org.kinlink.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.Ntrex;
import org.kinlink.portal.PortalClient;
import org.kinlink.portal.receipts.Receipt;
import org.kinlink.portal.receipts.Receipts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The portal's JSON API: the same rules as the pages, errors as localised problem details. */
@SpringBootTest
@AutoConfigureMockMvc
class PortalApiTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	FamilyMessages messages;

	@Autowired
	Receipts receipts;

	PortalClient client;

	@BeforeEach
	void newClient() {
		client = new PortalClient(mvc);
	}

	static Map<String, Object> letter(String text) {
		Map<String, Object> body = new LinkedHashMap<>(PortalClient.letter(text));
		body.remove("formKey");
		body.put("addresseeBirthYear", 1990);
		return body;
	}

	MockHttpServletResponse call(String path, Object body, String language, String... headers) throws Exception {
		var request = post("/api/v1/portal" + path).with(client.from())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
			.header("Accept-Language", language)
			.content(JSON.writeValueAsString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	static JsonNode json(MockHttpServletResponse response) throws Exception {
		return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	String sendLetter(Map<String, Object> body) throws Exception {
		MockHttpServletResponse response = call("/letters", body, "en");
		assertThat(response.getStatus()).isEqualTo(201);
		return json(response).get("receipt").asString();
	}

	UUID messageOf(String receipt) {
		return receipts.find(Receipt.parse(receipt).orElseThrow()).orElseThrow();
	}

	@Test
	void storesALetterAndAnswersWithItsReceiptOnce() throws Exception {
		MockHttpServletResponse response = call("/letters", letter(Ntrex.PERSIAN_PLAIN), "en");

		assertThat(response.getStatus()).isEqualTo(201);
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		JsonNode body = json(response);
		assertThat(body.get("receipt").asString()).matches("\\d{20}");
		assertThat(body.get("status").asString()).isEqualTo("received");
		assertThat(messages.content(messageOf(body.get("receipt").asString())).letter().addresseeBirthYear()).isEqualTo(1990);
	}

	@Test
	void explainsBadFieldsInTheClientsLanguage() throws Exception {
		Map<String, Object> body = letter("");
		body.put("addresseeBirthYear", 1850);
		body.put("language", "xx");
		MockHttpServletResponse response = call("/letters", body, "fa");

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).contains("application/problem+json");
		JsonNode fields = json(response).get("fields");
		assertThat(fields.get("text").asString()).startsWith("لطفاً نامهٔ خود را بنویسید یا دست‌کم یک فایل");
		assertThat(fields.get("addresseeBirthYear").asString()).contains("۱۹۰۰");
		assertThat(fields.get("language").asString()).contains("زبان");
	}

	@Test
	void refusesHostileUnicodeAndOverlongText() throws Exception {
		Map<String, Object> bidi = letter(Ntrex.PERSIAN_PLAIN);
		bidi.put("senderNameLatin", "Maryam\u202EimhadA");
		assertThat(json(call("/letters", bidi, "en")).get("fields").get("senderNameLatin").asString())
			.contains("invisible or direction-changing");
		Map<String, Object> zeroWidth = letter("سلام\u200Bمادر");
		assertThat(call("/letters", zeroWidth, "en").getStatus()).isEqualTo(400);
		assertThat(call("/letters", letter("ب".repeat(20_001)), "en").getStatus()).isEqualTo(400);
	}

	@Test
	void normalisesArabicLetterFormsAndKeepsHtmlAsText() throws Exception {
		Map<String, Object> body = letter("<img src=x onerror=alert(1)> سلام علي");
		body.put("addresseeNamePersian", "علي كريمي");
		var letter = messages.content(messageOf(sendLetter(body))).letter();
		assertThat(letter.addresseeNamePersian()).isEqualTo("علی کریمی");
		assertThat(letter.text()).isEqualTo("<img src=x onerror=alert(1)> سلام علی");
	}

	@Test
	void storesALetterOnceForARepeatedIdempotencyKey() throws Exception {
		String key = UUID.randomUUID().toString();
		assertThat(call("/letters", letter(Ntrex.PERSIAN_PLAIN), "en", "Idempotency-Key", key).getStatus()).isEqualTo(201);
		MockHttpServletResponse again = call("/letters", letter(Ntrex.PERSIAN_PLAIN), "en", "Idempotency-Key", key);
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(json(again).get("detail").asString()).contains("already received");
		assertThat(call("/letters", letter(Ntrex.PERSIAN_PLAIN), "en", "Idempotency-Key", "k".repeat(201)).getStatus())
			.isEqualTo(400);
	}

	@Test
	void answersUnreadableJsonWithAProblem() throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/portal/letters").with(client.from())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).contains("application/problem+json");
	}

	@Test
	void showsStatusAndStaffRepliesButNeverTheLetter() throws Exception {
		String receipt = sendLetter(letter("قناری-api " + Ntrex.PERSIAN_PLAIN));
		MockHttpServletResponse response = call("/status", Map.of("receipt", PortalStatusTests.persianDigitsWithSpaces(receipt)), "en");

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		JsonNode body = json(response);
		assertThat(body.get("status").asString()).isEqualTo("received");
		assertThat(body.get("receivedAt").asString()).isNotBlank();
		assertThat(body.get("replies").size()).isZero();
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("قناری-api", "Ahmadi");
	}

	@Test
	void answersEveryWrongReceiptWithTheSameProblem() throws Exception {
		MockHttpServletResponse first = call("/status", Map.of("receipt", "12345678901234567890"), "en");
		MockHttpServletResponse second = call("/status", Map.of("receipt", "۹۹۹۹ ۸۸۸۸ ۷۷۷۷ ۶۶۶۶ ۵۵۵۵"), "en");
		assertThat(first.getStatus()).isEqualTo(404).isEqualTo(second.getStatus());
		assertThat(first.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(second.getContentAsString(StandardCharsets.UTF_8));
		assertThat(json(first).get("code").asString()).isEqualTo("portal.receipt.unknown");
	}

	@Test
	void explainsAReceiptInTheWrongFormat() throws Exception {
		MockHttpServletResponse response = call("/status", Map.of("receipt", "123"), "sq");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(json(response).get("fields").get("receipt").asString()).contains("20 shifra");
	}

	@Test
	void takesTheFamilysAnswer() throws Exception {
		String receipt = sendLetter(letter(Ntrex.PERSIAN_PLAIN));
		assertThat(call("/replies", Map.of("receipt", receipt, "text", "سپاس"), "en").getStatus()).isEqualTo(204);
		assertThat(call("/replies", Map.of("receipt", receipt, "text", ""), "en").getStatus()).isEqualTo(400);
		assertThat(call("/replies", Map.of("receipt", "11111111111111111111", "text", "سپاس"), "en").getStatus())
			.isEqualTo(404);
	}

	@Test
	void throttlesReceiptChecksWithAProblem() throws Exception {
		int limited = 0;
		MockHttpServletResponse last = null;
		for (int i = 0; i < 1_000 && limited == 0; i++) {
			last = call("/status", Map.of("receipt", "%020d".formatted(1000 + i)), "en");
			assertThat(last.getStatus()).isIn(404, 429);
			limited += last.getStatus() == 429 ? 1 : 0;
		}
		assertThat(limited).isEqualTo(1);
		assertThat(json(last).get("detail").asString()).contains("Too many attempts");
		for (int i = 0; i < 990; i++) {
			assertThat(call("/status", Map.of("receipt", "%020d".formatted(i)), "en").getStatus()).isEqualTo(429);
		}
	}

	@Test
	void describesItselfInOpenApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(docs).contains("/api/v1/portal/letters", "/api/v1/portal/status", "/api/v1/portal/replies",
				"Idempotency-Key", "Family portal");
	}

}
