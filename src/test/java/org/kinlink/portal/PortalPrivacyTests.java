package org.kinlink.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.Ntrex;
import org.kinlink.portal.receipts.Receipt;
import org.kinlink.portal.receipts.Receipts;
import org.kinlink.storage.SealBrokenException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the portal keeps: no visitor address, user agent or referrer anywhere (S4), letters only sealed (S5),
 * receipts only as Argon2id PHC strings (S1). Each test sweeps every text and binary column of every table.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class PortalPrivacyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FamilyMessages messages;

	@Autowired
	Receipts receipts;

	static String persianDigits(String digits) {
		StringBuilder out = new StringBuilder();
		digits.chars().forEach(c -> out.append((char) ('\u06F0' + c - '0')));
		return out.toString();
	}

	@Test
	void storesAndLogsNoAddressUserAgentOrReferrer(CapturedOutput output) throws Exception {
		String token = UUID.randomUUID().toString().substring(0, 8);
		String address = "198.51.100.173";
		String forwarded = "203.0.113.201";
		String agent = "CanaryAgent/" + token;
		String referrer = "https://canary-referrer.example/" + token;
		var visitor = (java.util.function.UnaryOperator<MockHttpServletRequestBuilder>) request -> request
			.with(r -> {
				r.setRemoteAddr(address);
				return r;
			})
			.header("X-Forwarded-For", forwarded)
			.header("User-Agent", agent)
			.header("Referer", referrer);

		mvc.perform(visitor.apply(get("/")));
		String html = mvc.perform(visitor.apply(post("/portal/letters").with(csrf()))
			.params(form(PortalClient.letter(Ntrex.PERSIAN_PLAIN)))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String receipt = String.join("", Jsoup.parse(html).select("#receipt span").eachText());
		mvc.perform(visitor.apply(post("/portal/status").with(csrf())).param("receipt", receipt));
		mvc.perform(visitor.apply(post("/portal/status").with(csrf())).param("receipt", "00000000000000000000"));
		mvc.perform(visitor.apply(post("/portal/replies").with(csrf())).param("receipt", receipt).param("text", "سپاس"));
		mvc.perform(visitor.apply(post("/api/v1/portal/letters")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"senderNameLatin\":\"A\",\"relationship\":\"x\",\"addresseeNameLatin\":\"B\",\"text\":\"t\",\"language\":\"fa\"}"));
		mvc.perform(visitor.apply(post("/api/v1/portal/status")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"receipt\":\"" + receipt + "\"}"));
		mvc.perform(visitor.apply(post("/api/v1/portal/replies")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"receipt\":\"" + receipt + "\",\"text\":\"سپاس\"}"));
		assertThat(messages.familyView(messageOf(receipt)).status()).isNotNull();

		DatabaseDump dump = DatabaseDump.of(jdbc);
		for (String canary : List.of(address, forwarded, agent, token, "canary-referrer")) {
			assertThat(dump.contains(canary)).as(canary).isFalse();
			assertThat(output.getAll()).as(canary).doesNotContain(canary);
		}
	}

	@Test
	void keepsLettersRepliesAndNamesOnlySealed() throws Exception {
		String canary = "KANARI" + UUID.randomUUID().toString().replace("-", "");
		String persianCanary = "قناریِ" + canary.substring(6, 14);
		var form = PortalClient.letter(canary + " " + persianCanary + "\n" + Ntrex.PERSIAN_PHONE);
		form.put("senderNameLatin", canary + "Sender");
		form.put("addresseeNamePersian", persianCanary + "گیرنده");
		form.put("addresseeDetails", canary + " details");
		String receipt = new PortalClient(mvc).send(form);
		UUID messageId = messageOf(receipt);
		mvc.perform(post("/portal/replies").with(csrf()).param("receipt", receipt).param("text", canary + " answer"));
		mvc.perform(post("/staff/messages/" + messageId + "/reject").with(csrf())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("i").roles("INTAKE"))
			.param("reason", canary + " reason"));

		DatabaseDump dump = DatabaseDump.of(jdbc);

		assertThat(dump.contains(messages.summary(messageId).reference())).as("the sweep sees clear columns").isTrue();
		assertThat(dump.contains(canary)).isFalse();
		assertThat(dump.contains(persianCanary)).isFalse();
		assertThat(dump.contains(canary.substring(6, 30))).isFalse();
		assertThat(messages.content(messageId).letter().text()).contains(canary, persianCanary);
	}

	@Test
	void aFlippedByteInTheSealedLetterFailsToOpen() throws Exception {
		UUID messageId = messageOf(new PortalClient(mvc).send(PortalClient.letter(Ntrex.PERSIAN_PLAIN)));
		jdbc.sql("update messages.message set letter = overlay(letter placing decode(lpad(to_hex(get_byte(letter, 40) # 1), 2, '0'), 'hex') from 41 for 1) where id = ?")
			.param(messageId)
			.update();
		assertThatThrownBy(() -> messages.content(messageId)).isInstanceOf(SealBrokenException.class);
	}

	@Test
	void keepsReceiptsOnlyAsArgon2idHashes() throws Exception {
		List<String> issued = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String receipt = new PortalClient(mvc).send(PortalClient.letter(Ntrex.PERSIAN_PLAIN_2));
			assertThat(receipt).matches("\\d{20}");
			issued.add(receipt);
		}
		DatabaseDump dump = DatabaseDump.of(jdbc);
		for (String receipt : issued) {
			assertThat(dump.contains(receipt)).isFalse();
			assertThat(dump.contains(persianDigits(receipt))).isFalse();
			assertThat(dump.contains(receipt.substring(0, 12))).isFalse();
		}
		List<String> hashes = jdbc.sql("select hash from portal.receipt").query(String.class).list();
		assertThat(hashes).hasSizeGreaterThanOrEqualTo(issued.size())
			.allMatch(h -> h.matches("\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+"));
		assertThat(issued).doesNotHaveDuplicates();
	}

	UUID messageOf(String receipt) {
		return receipts.find(Receipt.parse(receipt).orElseThrow()).orElseThrow();
	}

	static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> fields) {
		var map = new org.springframework.util.LinkedMultiValueMap<String, String>();
		fields.forEach(map::add);
		return map;
	}

}
