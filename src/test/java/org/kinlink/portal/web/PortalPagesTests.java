package org.kinlink.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.Ntrex;
import org.kinlink.portal.PortalClient;
import org.kinlink.portal.receipts.Receipt;
import org.kinlink.portal.receipts.Receipts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The family portal's letter form and receipt page, with every bad input a family (or an attacker) can send. */
@SpringBootTest
@AutoConfigureMockMvc
class PortalPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FamilyMessages messages;

	@Autowired
	Receipts receipts;

	PortalClient family;

	@BeforeEach
	void newVisitor() {
		family = new PortalClient(mvc);
	}

	long messageCount() {
		return jdbc.sql("select count(*) from messages.message").query(Long.class).single();
	}

	Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	MvcResult send(Map<String, String> form, String language) throws Exception {
		return mvc.perform(family.postForm("/portal/letters", form).header("Accept-Language", language)).andReturn();
	}

	UUID messageOf(String receipt) {
		return receipts.find(Receipt.parse(receipt).orElseThrow()).orElseThrow();
	}

	@Test
	void showsTheLetterFormWithAOneTimeKeyAndWhatHappensToTheData() throws Exception {
		Document form = page(mvc.perform(get("/").header("Accept-Language", "en")).andExpect(status().isOk()).andReturn());
		assertThat(form.select("input[name=formKey]").val()).matches(FormKeys.PATTERN);
		assertThat(form.text()).contains("What happens to your letter", "translated into Albanian and English",
				"We do not keep your IP address");
		assertThat(form.select("select[name=language] option").eachAttr("value")).containsExactly("fa", "prs", "en", "sq",
				"other");
		assertThat(form.select("select[name=language] option[selected]").val()).isEqualTo("fa");
		assertThat(form.select("script")).allSatisfy(script -> {
			assertThat(script.attr("src")).startsWith("/js/");
			assertThat(script.data()).isEmpty();
		});
	}

	@Test
	void showsTheFormRightToLeftInPersian() throws Exception {
		Document form = page(mvc.perform(get("/").header("Accept-Language", "fa-IR")).andReturn());
		assertThat(form.select("html").attr("dir")).isEqualTo("rtl");
		assertThat(form.text()).contains("نامه به خویشاوند شما");
	}

	@Test
	void showsTheReceiptOnceInTheAnswerToThePostAndNeverCachesIt() throws Exception {
		MvcResult result = send(PortalClient.letter(Ntrex.PERSIAN_PLAIN), "en");

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getHeader("Location")).isNull();
		assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
		Document page = page(result);
		var groups = page.select("#receipt span").eachText();
		assertThat(groups).hasSize(5).allMatch(g -> g.matches("\\d{4}"));
		assertThat(page.select("#receipt").text()).as("groups apart even without styles").matches("\\d{4}([\\s\u00A0]+\\d{4}){4}");
		assertThat(page.select("#receipt").attr("dir")).isEqualTo("ltr");
		assertThat(messages.summary(messageOf(String.join("", groups))).language()).isEqualTo("fa");
	}

	@Test
	void showsTheReceiptInPersianDigitsToPersianReaders() throws Exception {
		var groups = page(send(PortalClient.letter(Ntrex.PERSIAN_PLAIN), "fa")).select("#receipt span").eachText();
		assertThat(groups).hasSize(5).allMatch(g -> g.matches("[۰-۹]{4}"));
	}

	@Test
	void answersASecondSubmissionOfTheSameFormWithoutASecondMessage() throws Exception {
		Map<String, String> form = PortalClient.letter(Ntrex.PERSIAN_PLAIN);
		send(form, "en");
		long before = messageCount();

		Document again = page(send(form, "en"));

		assertThat(again.text()).contains("This letter was already received");
		assertThat(again.select("#receipt")).isEmpty();
		assertThat(messageCount()).isEqualTo(before);
	}

	@Test
	void refusesAnEmptyLetterAndStoresNothing() throws Exception {
		long before = messageCount();
		MvcResult result = send(PortalClient.letter("   "), "en");
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(page(result).select("#text + .invalid-feedback, textarea#text ~ .invalid-feedback").text())
			.contains("Please write your letter, or add at least one file");
		assertThat(messageCount()).isEqualTo(before);
	}

	@Test
	void refusesALetterWithoutLettersOrDigitsAndStoresNothing() throws Exception {
		long before = messageCount();
		MvcResult result = send(PortalClient.letter("؟! … ؟"), "sq");
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(page(result).text()).contains("nuk ka asnjë shkronjë apo shifër");
		assertThat(messageCount()).isEqualTo(before);
	}

	@Test
	void sendsALanguageSwitchOnAnAnswerPageBackToItsForm() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/portal/letters").param("lang", "fa"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/portal/replies").param("lang", "sq"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/portal/status"));
	}

	@Test
	void refusesALetterOverTwentyThousandCharacters() throws Exception {
		Document page = page(send(PortalClient.letter("ب".repeat(20_001)), "en"));
		assertThat(page.text()).contains("This text is too long.");
		assertThat(page(send(PortalClient.letter("ب".repeat(20_000)), "en")).select("#receipt")).isNotEmpty();
	}

	@Test
	void refusesOverlongNames() throws Exception {
		Map<String, String> form = PortalClient.letter(Ntrex.PERSIAN_PLAIN);
		form.put("senderNameLatin", "A".repeat(101));
		assertThat(page(send(form, "en")).text()).contains("This text is too long.");
	}

	@Test
	void refusesBidiControlsInANameWithAClearMessage() throws Exception {
		Map<String, String> form = PortalClient.letter(Ntrex.PERSIAN_PLAIN);
		form.put("addresseeNameLatin", "Ali \u202Eidamha");
		MvcResult result = send(form, "fa");
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(page(result).text()).contains("نویسه");
	}

	@Test
	void refusesZeroWidthCharactersInTheLetter() throws Exception {
		Map<String, String> form = PortalClient.letter("سلام\u200Bمادر");
		assertThat(page(send(form, "en")).text()).contains("invisible or direction-changing characters");
	}

	@Test
	void keepsThePersianZeroWidthNonJoinerAndLineBreaksInTheLetter() throws Exception {
		String digits = family.send(PortalClient.letter(Ntrex.PERSIAN_STREETS_PLURAL + "\n" + Ntrex.PERSIAN_PLAIN));
		assertThat(messages.content(messageOf(digits)).letter().text()).contains("خیابان\u200Cها", "\n");
	}

	@Test
	void storesArabicKafAndYehAsTheirPersianForms() throws Exception {
		Map<String, String> form = PortalClient.letter("سلام علي جان، دلم براي تو تنگ شده");
		form.put("addresseeNamePersian", "علي كريمي");
		String digits = family.send(form);
		var letter = messages.content(messageOf(digits)).letter();
		assertThat(letter.addresseeNamePersian()).isEqualTo("علی کریمی");
		assertThat(letter.text()).isEqualTo("سلام علی جان، دلم برای تو تنگ شده");
	}

	@Test
	void keepsHtmlInALetterAsText() throws Exception {
		String digits = family.send(PortalClient.letter("<script>alert('x')</script> <b>سلام</b>"));
		assertThat(messages.content(messageOf(digits)).letter().text()).isEqualTo("<script>alert('x')</script> <b>سلام</b>");
	}

	@Test
	void needsANameForTheSenderAndForTheAddressee() throws Exception {
		Map<String, String> form = PortalClient.letter(Ntrex.PERSIAN_PLAIN);
		form.remove("senderNamePersian");
		form.remove("senderNameLatin");
		form.put("addresseeNamePersian", "");
		form.put("addresseeNameLatin", " ");
		Document page = page(send(form, "en"));
		assertThat(page.text()).contains("Please write your name in Persian or in Latin letters.",
				"Please write the name of the person you are writing to");
	}

	@Test
	void refusesAYearOfBirthOutsideASaneRange() throws Exception {
		for (String year : new String[] { "1850", "3000", "abcd", "19900", "-1" }) {
			Map<String, String> form = PortalClient.letter(Ntrex.PERSIAN_PLAIN);
			form.put("addresseeBirthYear", year);
			assertThat(page(send(form, "en")).text()).as(year).contains("Please write a year of four digits");
		}
	}

	@Test
	void acceptsAYearOfBirthInPersianDigits() throws Exception {
		Map<String, String> form = PortalClient.letter(Ntrex.PERSIAN_PLAIN);
		form.put("addresseeBirthYear", "۱۹۸۵");
		String digits = family.send(form);
		assertThat(messages.content(messageOf(digits)).letter().addresseeBirthYear()).isEqualTo(1985);
	}

	@Test
	void refusesAnUnknownLanguage() throws Exception {
		Map<String, String> form = PortalClient.letter(Ntrex.PERSIAN_PLAIN);
		form.put("language", "xx");
		assertThat(page(send(form, "en")).text()).contains("Please choose a language from the list.");
	}

	@Test
	void givesAFreshFormKeyWhenTheOneSentIsBroken() throws Exception {
		Map<String, String> form = PortalClient.letter(Ntrex.PERSIAN_PLAIN);
		form.put("formKey", "not-a-key");
		Document page = page(send(form, "en"));
		assertThat(page.text()).contains("This form could not be used.");
		assertThat(page.select("input[name=formKey]").val()).matches(FormKeys.PATTERN);
		assertThat(page.select("textarea[name=text]").text()).isEqualTo(Ntrex.PERSIAN_PLAIN);
	}

	@Test
	void refusesAPostWithoutCsrfToken() throws Exception {
		mvc.perform(post("/portal/letters").with(family.from()).param("text", "x")).andExpect(status().isForbidden());
	}

	@Test
	void throttlesLetterSubmissionsPerClient() throws Exception {
		int refused = 0;
		for (int i = 0; i < 12; i++) {
			Map<String, String> form = PortalClient.letter(Ntrex.PERSIAN_PLAIN);
			form.put("text", "");
			int status = send(form, "en").getResponse().getStatus();
			refused += status == 429 ? 1 : 0;
		}
		assertThat(refused).isEqualTo(2);
		mvc.perform(post("/portal/letters").with(csrf()).with(new PortalClient(mvc).from()).param("text", ""))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
	}

}
