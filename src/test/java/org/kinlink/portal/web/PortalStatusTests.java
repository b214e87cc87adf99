package org.kinlink.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.messages.MessageProgress;
import org.kinlink.messages.Ntrex;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;
import org.kinlink.portal.PortalClient;
import org.kinlink.portal.receipts.Receipt;
import org.kinlink.portal.receipts.Receipts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The status page behind a receipt: status and staff replies, never what the family sent (S3); one answer for
 * every wrong receipt (S2); the family's answers; rate limits.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PortalStatusTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Receipts receipts;

	@Autowired
	People people;

	@Autowired
	MessageProgress progress;

	@Autowired
	JdbcClient jdbc;

	PortalClient family;

	@BeforeEach
	void newVisitor() {
		family = new PortalClient(mvc);
	}

	MockHttpServletResponse status(String receipt, String language) throws Exception {
		return mvc.perform(family.postForm("/portal/status", Map.of("receipt", receipt)).header("Accept-Language", language))
			.andReturn()
			.getResponse();
	}

	static Document page(MockHttpServletResponse response) throws Exception {
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	UUID messageOf(String receipt) {
		return receipts.find(Receipt.parse(receipt).orElseThrow()).orElseThrow();
	}

	static String persianDigitsWithSpaces(String receipt) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < receipt.length(); i++) {
			if (i > 0 && i % 4 == 0) {
				out.append(i % 8 == 0 ? " - " : " ");
			}
			out.append((char) ('\u06F0' + receipt.charAt(i) - '0'));
		}
		return out.toString();
	}

	void staffReply(UUID messageId, String text) throws Exception {
		mvc.perform(post("/staff/messages/" + messageId + "/replies").with(user("intake1").roles("INTAKE")).with(csrf())
			.param("text", text));
	}

	@Test
	void showsTheStatusForAReceiptTypedInPersianDigitsWithSpacesAndDashes() throws Exception {
		String receipt = family.send(PortalClient.letter(Ntrex.PERSIAN_PLAIN));

		MockHttpServletResponse response = status(persianDigitsWithSpaces(receipt), "en");

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		assertThat(page(response).text()).contains("Your letter was received. We are reading it.");
	}

	@Test
	void neverShowsWhatTheFamilySent() throws Exception {
		String canary = "قناری" + UUID.randomUUID();
		Map<String, String> form = PortalClient.letter(canary + " " + Ntrex.PERSIAN_PLAIN);
		form.put("addresseeNameLatin", "Canary" + canary.hashCode());
		String receipt = family.send(form);
		staffReply(messageOf(receipt), "پاسخ کارکنان");
		mvc.perform(family.postForm("/portal/replies", Map.of("receipt", receipt, "text", canary + " answer")));

		for (String html : new String[] {
				status(receipt, "fa").getContentAsString(StandardCharsets.UTF_8),
				mvc.perform(family.postForm("/portal/replies", Map.of("receipt", receipt, "text", "دوباره")))
					.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
				mvc.perform(get("/portal/status").with(family.from())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
				mvc.perform(get("/").with(family.from())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8) }) {
			assertThat(html).doesNotContain(canary, "Canary" + canary.hashCode(), Ntrex.PERSIAN_PLAIN);
		}
		assertThat(status(receipt, "fa").getContentAsString(StandardCharsets.UTF_8)).contains("پاسخ کارکنان");
	}

	@Test
	void answersEveryWellFormedWrongReceiptTheSameWay() throws Exception {
		family.send(PortalClient.letter(Ntrex.PERSIAN_PLAIN));
		MockHttpServletResponse first = status("1234 5678 9012 3456 7890", "en");
		MockHttpServletResponse second = status("۰۹۸۷-۶۵۴۳-۲۱۰۹-۸۷۶۵-۴۳۲۱", "en");

		assertThat(first.getStatus()).isEqualTo(404).isEqualTo(second.getStatus());
		assertThat(first.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(second.getContentAsString(StandardCharsets.UTF_8))
			.contains("We found no letter with this receipt.");
	}

	@Test
	void explainsAReceiptInTheWrongFormatInTheReadersLanguage() throws Exception {
		for (String wrong : new String[] { "12345", "1234 5678 9012 3456 78901", "abcd efgh ijkl mnop qrst", "1234567890123456789x" }) {
			MockHttpServletResponse response = status(wrong, "fa");
			assertThat(response.getStatus()).as(wrong).isEqualTo(400);
			assertThat(page(response).select(".invalid-feedback").text()).contains("رسید ۲۰ رقم دارد");
			assertThat(page(response).select("input[name=receipt]").val()).isEmpty();
		}
		assertThat(page(status("", "en")).select(".invalid-feedback").text()).contains("Please fill in this field.");
	}

	@Test
	void showsReferralAndAcknowledgementDatesInTheJalaliCalendarForPersianReaders() throws Exception {
		String receipt = family.send(PortalClient.letter(Ntrex.PERSIAN_PLAIN));
		UUID messageId = messageOf(receipt);
		UUID person = people.create(new PersonDetails("علی احمدی", "Ali Ahmadi", null, null, null));
		var intake = user("intake1").roles("INTAKE");
		mvc.perform(post("/staff/messages/" + messageId + "/person").with(intake).with(csrf()).param("personId", person.toString()));
		mvc.perform(post("/staff/messages/" + messageId + "/accept").with(intake).with(csrf()));
		progress.translationStarted(messageId);
		assertThat(page(status(receipt, "en")).text()).contains("Your letter is being translated.");
		progress.translated(messageId);
		progress.approved(messageId);
		progress.referred(messageId, Instant.parse("2026-03-21T10:00:00Z"));
		progress.acknowledged(messageId, Instant.parse("2026-04-01T10:00:00Z"));

		assertThat(page(status(receipt, "fa")).text()).contains("۱ فروردین ۱۴۰۵", "۱۲ فروردین ۱۴۰۵");
		assertThat(page(status(receipt, "en")).text()).contains("sent to the authorities on March 21, 2026",
				"confirmed receiving it on April 1, 2026");
	}

	@Test
	void takesTheFamilysAnswerWithTheReceiptInTheBody() throws Exception {
		String receipt = family.send(PortalClient.letter(Ntrex.PERSIAN_PLAIN));
		UUID messageId = messageOf(receipt);

		MockHttpServletResponse response = mvc
			.perform(family.postForm("/portal/replies", Map.of("receipt", receipt, "text", Ntrex.PERSIAN_PLAIN_2))
				.header("Accept-Language", "en"))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(page(response).text()).contains("Your answer was sent.").doesNotContain(Ntrex.PERSIAN_PLAIN_2);
		assertThat(jdbc.sql("select count(*) from messages.reply where message_id = ? and direction = 'FAMILY'")
			.param(messageId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void refusesAnEmptyHostileOrMisdirectedAnswer() throws Exception {
		String receipt = family.send(PortalClient.letter(Ntrex.PERSIAN_PLAIN));
		assertThat(mvc.perform(family.postForm("/portal/replies", Map.of("receipt", receipt, "text", " ")))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
		assertThat(mvc.perform(family.postForm("/portal/replies", Map.of("receipt", receipt, "text", "سلام\u202Eمادر")))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
		assertThat(mvc.perform(family.postForm("/portal/replies", Map.of("receipt", "12", "text", "سلام")))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
		MockHttpServletResponse wrong = mvc
			.perform(family.postForm("/portal/replies", Map.of("receipt", "11112222333344445555", "text", "سلام"))
				.header("Accept-Language", "en"))
			.andReturn()
			.getResponse();
		assertThat(wrong.getStatus()).isEqualTo(404);
		assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status("99998888777766665555", "en")
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(jdbc.sql("select count(*) from messages.reply where message_id = ?").param(messageOf(receipt))
			.query(Long.class).single()).isZero();
	}

	@Test
	void throttlesReceiptChecksPerClientWithALocalisedPage() throws Exception {
		int limited = 0;
		MockHttpServletResponse last = null;
		for (int i = 0; i < 15; i++) {
			last = status("%020d".formatted(i), "fa");
			limited += last.getStatus() == 429 ? 1 : 0;
		}
		assertThat(limited).isEqualTo(5);
		assertThat(page(last).text()).contains("تلاش");
		PortalClient other = new PortalClient(mvc);
		assertThat(mvc.perform(other.postForm("/portal/status", Map.of("receipt", "%020d".formatted(99)))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

}
