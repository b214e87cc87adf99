package org.kinlink.messages.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.Ntrex;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The staff inbox: summaries only, filters, pages, and bad filter values answered with a clear message. */
@SpringBootTest
@AutoConfigureMockMvc
class InboxPagesTests {

	static final RequestPostProcessor INTAKE = user("intake1").roles("INTAKE");

	@Autowired
	MockMvc mvc;

	@Autowired
	FamilyMessages messages;

	@Autowired
	Triage triage;

	UUID receive(String text, String language) {
		return messages.receive(new LetterSubmission("سارا رحیمی", "Sara Rahimi", "خواهر", "نادر رحیمی", "Nader Rahimi", null,
				null, null, text, language));
	}

	Document inbox(MockHttpServletRequestBuilder request, int status) throws Exception {
		var response = mvc.perform(request.with(INTAKE).header("Accept-Language", "en")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(status);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void listsReferenceStateLanguageAndDateButNeverContent() throws Exception {
		UUID id = receive(Ntrex.PERSIAN_PLAIN_2, "fa");
		String reference = messages.summary(id).reference();

		Document page = inbox(get("/staff/messages"), 200);

		assertThat(page.select("tbody tr").eachText()).anyMatch(row -> row.contains(reference) && row.contains("Received")
				&& row.contains("Persian"));
		assertThat(page.text()).doesNotContain("رحیمی", "Rahimi", "پارلمان");
	}

	@Test
	void filtersByStateLanguageAndDates() throws Exception {
		UUID english = receive("Dear brother, we miss you.", "en");
		UUID rejected = receive(Ntrex.PERSIAN_PLAIN, "sq");
		triage.reject(rejected, "spam");
		String today = LocalDate.now(ZoneId.of("Europe/Tirane")).toString();

		assertThat(inbox(get("/staff/messages").param("language", "en"), 200).select("tbody tr").eachText())
			.allMatch(row -> row.contains("English"))
			.anyMatch(row -> row.contains(messages.summary(english).reference()));
		assertThat(inbox(get("/staff/messages").param("status", "REJECTED"), 200).select("tbody tr").eachText())
			.allMatch(row -> row.contains("Rejected"))
			.anyMatch(row -> row.contains(messages.summary(rejected).reference()));
		assertThat(inbox(get("/staff/messages").param("from", today).param("to", today), 200).select("tbody tr")).isNotEmpty();
		assertThat(inbox(get("/staff/messages").param("from", "2001-01-01").param("to", "2001-12-31"), 200).text())
			.contains("No message matches these filters.");
	}

	@Test
	void pagesThroughManyMessages() throws Exception {
		for (int i = 0; i < 21; i++) {
			receive(Ntrex.PERSIAN_PLAIN, "prs");
		}
		Document first = inbox(get("/staff/messages").param("language", "prs"), 200);
		assertThat(first.select("tbody tr")).hasSize(InboxQueries.PAGE_SIZE);
		assertThat(first.select(".pagination a").eachAttr("href")).anyMatch(href -> href.contains("page=2") && href.contains("language=prs"));

		Document second = inbox(get("/staff/messages").param("language", "prs").param("page", "2"), 200);
		assertThat(second.select("tbody tr")).isNotEmpty();
		assertThat(second.select("tbody tr a").eachText()).doesNotContainAnyElementsOf(first.select("tbody tr a").eachText());
	}

	@Test
	void answersBadFiltersWithAClearMessageAndNoError() throws Exception {
		assertThat(inbox(get("/staff/messages").param("status", "LOST"), 400).select(".alert-danger").text())
			.contains("The value is not in the right format.");
		assertThat(inbox(get("/staff/messages").param("from", "yesterday"), 400).select(".alert-danger")).isNotEmpty();
		assertThat(inbox(get("/staff/messages").param("language", "xx"), 400).text()).contains("Choose a language from the list.");
		assertThat(inbox(get("/staff/messages").param("page", "0"), 400).select(".alert-danger")).isNotEmpty();
		assertThat(inbox(get("/staff/messages").param("from", "2026-02-01").param("to", "2026-01-01"), 400).text())
			.contains("The first date must not be after the second.");
		assertThat(inbox(get("/staff/messages").param("to", "+999999999-01-01"), 400).text()).contains("Not a date.");
		assertThat(inbox(get("/staff/messages").param("to", "2101-01-01"), 400).text()).contains("between the years 2000 and 2100");
		assertThat(inbox(get("/staff/messages").param("from", "0001-01-01"), 400).text()).contains("between the years 2000 and 2100");
	}

	@Test
	void showsReferencesInPersianDigitsToPersianReaders() throws Exception {
		receive(Ntrex.PERSIAN_PLAIN, "fa");
		var html = mvc.perform(get("/staff/messages").with(INTAKE).header("Accept-Language", "fa")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(html).select("tbody tr a").first().text()).matches("KL-[۰-۹]{4}-[۰-۹]{6}");
	}

}
