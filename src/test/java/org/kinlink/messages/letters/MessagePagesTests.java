package org.kinlink.messages.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageAccepted;
import org.kinlink.messages.MessageStatus;
import org.kinlink.messages.Ntrex;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The staff message page: the letter opened and vetted, triage by intake, replies, and who may do what. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class MessagePagesTests {

	static final RequestPostProcessor INTAKE = user("intake1").roles("INTAKE");

	static final RequestPostProcessor REVIEWER = user("reviewer1").roles("REVIEWER");

	static final RequestPostProcessor LIAISON = user("liaison1").roles("LIAISON");

	static final RequestPostProcessor TRANSLATOR = user("translator1").roles("TRANSLATOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	FamilyMessages messages;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	UUID receive(String text) {
		return messages.receive(new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر", "رضا کریمی", "Reza Karimi", "حسن",
				1988, "قد بلند", text, "fa"));
	}

	Document page(String path, RequestPostProcessor who) throws Exception {
		var response = mvc.perform(get(path).with(who).header("Accept-Language", "en")).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void opensTheLetterAsEscapedTextAndAuditsTheReading() throws Exception {
		UUID id = receive("<script>alert('x')</script> " + Ntrex.PERSIAN_PLAIN);

		var response = mvc.perform(get("/staff/messages/" + id).with(INTAKE)).andReturn().getResponse();
		String html = response.getContentAsString(StandardCharsets.UTF_8);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(html).contains("&lt;script&gt;alert(").doesNotContain("<script>alert");
		Document page = Jsoup.parse(html);
		assertThat(page.select("#letter-text").attr("dir")).isEqualTo("auto");
		assertThat(page.select("#letter-text").hasClass("letter-text")).isTrue();
		assertThat(page.select("#letter-text").text()).contains(Ntrex.PERSIAN_PLAIN);
		assertThat(jdbc.sql("select actor from audit.entry where action = 'message.read' and record_id = ?")
			.param(id.toString())
			.query(String.class)
			.list()).containsExactly("intake1");
	}

	@Test
	void listsTheVettingFlagsAndHighlightsThemInTheText() throws Exception {
		UUID id = receive(Ntrex.PERSIAN_PHONE + "\n" + Ntrex.PERSIAN_STREET);
		Document page = page("/staff/messages/" + id, INTAKE);
		assertThat(page.select("#flags li").eachText()).anyMatch(t -> t.contains("Phone number") && t.contains("۰۸۰۰۵۵۵۱۱۱"))
			.anyMatch(t -> t.contains("Social media name"))
			.anyMatch(t -> t.contains("Street address") && t.contains("خیابان جان"));
		assertThat(page.select("#letter-text mark.flag").eachText()).contains("۰۸۰۰۵۵۵۱۱۱", "@MerPolCC");
	}

	@Test
	void saysWhenVettingFoundNothing() throws Exception {
		Document page = page("/staff/messages/" + receive(Ntrex.PERSIAN_PLAIN), REVIEWER);
		assertThat(page.select("#no-flags").text()).contains("Nothing was found");
	}

	@Test
	void answersUnknownAndForeignIdsWithNotFound() throws Exception {
		UUID person = people.create(new PersonDetails("نام", null, null, null, null));
		for (String id : new String[] { UUID.randomUUID().toString(), person.toString() }) {
			mvc.perform(get("/staff/messages/" + id).with(INTAKE)).andExpect(status().isNotFound());
			mvc.perform(post("/staff/messages/" + id + "/accept").with(INTAKE).with(csrf())).andExpect(status().isNotFound());
			mvc.perform(get("/staff/messages/" + id + "/replies").with(REVIEWER)).andExpect(status().isNotFound());
		}
		mvc.perform(get("/staff/messages/not-an-id").with(INTAKE)).andExpect(status().isBadRequest());
	}

	@Test
	void letsOnlyTheRightRolesIn() throws Exception {
		UUID id = receive(Ntrex.PERSIAN_PLAIN);
		mvc.perform(get("/staff/messages/" + id).with(TRANSLATOR)).andExpect(status().isForbidden());
		mvc.perform(get("/staff/messages/" + id).with(LIAISON)).andExpect(status().isForbidden());
		mvc.perform(get("/staff/messages").with(TRANSLATOR)).andExpect(status().isForbidden());
		mvc.perform(post("/staff/messages/" + id + "/accept").with(REVIEWER).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/staff/messages/" + id + "/reject").with(LIAISON).with(csrf()).param("reason", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/staff/messages/" + id + "/replies").with(TRANSLATOR).with(csrf()).param("text", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/messages/" + id)).andExpect(status().is3xxRedirection());
		assertThat(messages.summary(id).status()).isEqualTo(MessageStatus.RECEIVED);
	}

	@Test
	void refusesStaffPostsWithoutCsrfToken() throws Exception {
		UUID id = receive(Ntrex.PERSIAN_PLAIN);
		mvc.perform(post("/staff/messages/" + id + "/reject").with(INTAKE).param("reason", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	void findsAPersonByNameLinksAndAccepts() throws Exception {
		UUID person = people.create(new PersonDetails("بهرام نیک‌نام", "Bahram Niknam", "کاوه", 1979, null));
		UUID id = receive(Ntrex.PERSIAN_PLAIN);

		var found = mvc.perform(post("/staff/messages/" + id + "/person/search").with(INTAKE).with(csrf()).param("q", "بهرام نيك نام")
				.param("father", "کاوه").param("year", "1979"))
			.andReturn()
			.getResponse();
		Document page = Jsoup.parse(found.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#matches input[name=personId]").eachAttr("value")).contains(person.toString());

		mvc.perform(post("/staff/messages/" + id + "/person").with(INTAKE).with(csrf()).param("personId", person.toString()))
			.andExpect(redirectedUrl("/staff/messages/" + id));
		mvc.perform(post("/staff/messages/" + id + "/accept").with(INTAKE).with(csrf()))
			.andExpect(redirectedUrl("/staff/messages/" + id));

		assertThat(messages.summary(id).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(messages.summary(id).personId()).isEqualTo(person);
		assertThat(events.stream(MessageAccepted.class)).contains(new MessageAccepted(id, "fa"));
		assertThat(page("/staff/messages/" + id, INTAKE).select("#linked-person").text()).contains("Bahram Niknam");
	}

	@Test
	void prefillsANewPersonFromTheLetterAndLinksIt() throws Exception {
		UUID id = receive(Ntrex.PERSIAN_PLAIN);
		Document page = page("/staff/messages/" + id, INTAKE);
		assertThat(page.select("input[name=namePersian]").val()).isEqualTo("رضا کریمی");
		assertThat(page.select("input[name=nameLatin]").val()).isEqualTo("Reza Karimi");
		assertThat(page.select("input[name=birthYear]").val()).isEqualTo("1988");

		mvc.perform(post("/staff/messages/" + id + "/person/new").with(INTAKE).with(csrf())
			.param("namePersian", "رضا کريمي")
			.param("nameLatin", "Reza Karimi")
			.param("birthYear", "1988")
			.param("notADuplicate", "true")).andExpect(redirectedUrl("/staff/messages/" + id));

		UUID person = messages.summary(id).personId();
		assertThat(people.find(person).details().namePersian()).isEqualTo("رضا کریمی");
	}

	@Test
	void refusesAPersonWithoutANameOrWithHiddenCharacters() throws Exception {
		UUID id = receive(Ntrex.PERSIAN_PLAIN);
		var none = mvc.perform(post("/staff/messages/" + id + "/person/new").with(INTAKE).with(csrf()).param("nameLatin", " ")
			.header("Accept-Language", "en")).andReturn().getResponse();
		assertThat(none.getStatus()).isEqualTo(400);
		assertThat(none.getContentAsString(StandardCharsets.UTF_8)).contains("Give at least one name");

		mvc.perform(post("/staff/messages/" + id + "/person/new").with(INTAKE).with(csrf()).param("nameLatin", "Reza\u202EKarimi"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/staff/messages/" + id + "/person/new").with(INTAKE).with(csrf()).param("nameLatin", "Reza")
			.param("birthYear", "1700")).andExpect(status().isBadRequest());
		assertThat(messages.summary(id).personId()).isNull();
	}

	@Test
	void refusesToAcceptBeforeLinkingWithAConflictPage() throws Exception {
		UUID id = receive(Ntrex.PERSIAN_PLAIN);
		var response = mvc.perform(post("/staff/messages/" + id + "/accept").with(INTAKE).with(csrf())
			.header("Accept-Language", "en")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Link the addressee to a person");
	}

	@Test
	void rejectsWithASealedReasonAndRefusesToAcceptAfterwards() throws Exception {
		UUID id = receive(Ntrex.PERSIAN_PLAIN);
		mvc.perform(post("/staff/messages/" + id + "/reject").with(INTAKE).with(csrf()).param("reason", "تبلیغات کانال‌فروشی"))
			.andExpect(redirectedUrl("/staff/messages/" + id));

		assertThat(messages.summary(id).status()).isEqualTo(MessageStatus.REJECTED);
		assertThat(page("/staff/messages/" + id, INTAKE).text()).contains("تبلیغات کانال‌فروشی");
		byte[] stored = jdbc.sql("select rejection_reason from messages.message where id = ?").param(id).query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("تبلیغات");

		var again = mvc.perform(post("/staff/messages/" + id + "/accept").with(INTAKE).with(csrf())
			.header("Accept-Language", "fa")).andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("این مرحله");
	}

	@Test
	void needsAReasonToReject() throws Exception {
		UUID id = receive(Ntrex.PERSIAN_PLAIN);
		mvc.perform(post("/staff/messages/" + id + "/reject").with(INTAKE).with(csrf()).param("reason", " "))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/staff/messages/" + id + "/reject").with(INTAKE).with(csrf()).param("reason", "x".repeat(1001)))
			.andExpect(status().isBadRequest());
		assertThat(messages.summary(id).status()).isEqualTo(MessageStatus.RECEIVED);
	}

	@Test
	void reviewerRepliesToTheFamilyAndReadsItsAnswersWhileLiaisonMayNot() throws Exception {
		UUID id = receive(Ntrex.PERSIAN_PLAIN);
		mvc.perform(get("/staff/messages/" + id + "/replies").with(LIAISON)).andExpect(status().isForbidden());
		mvc.perform(post("/staff/messages/" + id + "/replies").with(LIAISON).with(csrf()).param("text", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/staff/messages/" + id + "/replies").with(REVIEWER).with(csrf()).param("text", "نامهٔ شما به پلیس رسید."))
			.andExpect(redirectedUrl("/staff/messages/" + id + "/replies"));
		messages.addFamilyReply(id, "سپاسگزارم <b>عزیزان</b>");

		assertThat(messages.familyView(id).replies()).extracting(r -> r.text()).containsExactly("نامهٔ شما به پلیس رسید.");
		var html = mvc.perform(get("/staff/messages/" + id + "/replies").with(REVIEWER)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("نامهٔ شما به پلیس رسید.", "سپاسگزارم &lt;b&gt;عزیزان&lt;/b&gt;", "reviewer1");
		assertThat(html).doesNotContain(Ntrex.PERSIAN_PLAIN);
	}

	@Test
	void refusesAnEmptyOrHostileReply() throws Exception {
		UUID id = receive(Ntrex.PERSIAN_PLAIN);
		mvc.perform(post("/staff/messages/" + id + "/replies").with(INTAKE).with(csrf()).param("text", ""))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/staff/messages/" + id + "/replies").with(INTAKE).with(csrf()).param("text", "a\u200Bb"))
			.andExpect(status().isBadRequest());
		assertThat(messages.familyView(id).replies()).isEmpty();
	}

}
