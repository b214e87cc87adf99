package org.kinlink.messages.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.Ntrex;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Triage finds the addressee with the name scorer (scores and reasons shown) and warns before a duplicate. */
@SpringBootTest
@AutoConfigureMockMvc
class TriagePersonSearchTests {

	static final RequestPostProcessor INTAKE = user("intake-search").roles("INTAKE");

	@Autowired
	MockMvc mvc;

	@Autowired
	FamilyMessages messages;

	@Autowired
	People people;

	UUID receive() {
		return messages.receive(new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر", "پرویز قلی‌زاده", "Parviz Gholizadeh",
				"حسن", 1980, null, Ntrex.PERSIAN_PLAIN, "fa"));
	}

	MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(INTAKE).with(csrf()).header("Accept-Language", "en")).andReturn().getResponse();
	}

	@Test
	void ranksPersonsAcrossScriptsWithScoresAndReasons() throws Exception {
		UUID person = people.create(new PersonDetails("پرویز قلی‌زاده", "Parviz Gholizadeh", "حسن", 1980, null));
		UUID id = receive();

		var response = send(post("/staff/messages/" + id + "/person/search").param("q", "Parviz Qolizade").param("father", "Hasan")
			.param("year", "1980"));

		assertThat(response.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#matches input[name=personId]").eachAttr("value")).first().isEqualTo(person.toString());
		assertThat(page.select("#matches .score").first().text()).matches("score \\d+%");
		assertThat(page.select("#matches .likely").first().text()).isEqualTo("likely the same person");
		assertThat(page.select("#matches .reasons li").eachText()).anyMatch(t -> t.contains("% alike"))
			.anyMatch(t -> t.contains("years of birth 0 apart"));
	}

	@Test
	void answersBadSearchesWithAClearMessage() throws Exception {
		UUID id = receive();
		String path = "/staff/messages/" + id + "/person/search";
		assertBad(send(post(path).param("q", "  ")), "Please fill in this field");
		assertBad(send(post(path).param("q", "... --- !!! 1234")), "Type a name in Persian or Latin letters");
		assertBad(send(post(path).param("q", "Parviz").param("year", "99999")), "between 1900 and 2100");
		assertBad(send(post(path).param("q", "Parviz").param("year", "soon")), "not in the right format");
		assertBad(send(post(path).param("q", "Parviz ".repeat(100))), "");
	}

	private static void assertBad(MockHttpServletResponse response, String message) throws Exception {
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).select(".invalid-feedback").text()).contains(message);
	}

	@Test
	void showsLikelyDuplicatesBeforeCreatingAndCreatesOnlyWhenConfirmed() throws Exception {
		UUID known = people.create(new PersonDetails("فرامرز اسدی", "Faramarz Asadi", null, 1966, null));
		UUID id = receive();
		String path = "/staff/messages/" + id + "/person/new";

		var warned = send(post(path).param("nameLatin", "Faramarz Assadi").param("birthYear", "1966"));

		assertThat(warned.getStatus()).isEqualTo(409);
		Document page = Jsoup.parse(warned.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#duplicates input[name=personId]").eachAttr("value")).containsExactly(known.toString());
		assertThat(page.select("#duplicates").text()).contains("already known");
		assertThat(page.select("input[name=notADuplicate]")).hasSize(1);
		assertThat(messages.summary(id).personId()).isNull();

		var created = send(post(path).param("nameLatin", "Faramarz Assadi").param("birthYear", "1966").param("notADuplicate", "true"));

		assertThat(created.getStatus()).isEqualTo(302);
		assertThat(messages.summary(id).personId()).isNotNull().isNotEqualTo(known);
	}

}
