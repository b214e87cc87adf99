package org.kinlink.people.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The likely-duplicates page: pairs with score and reasons, "not the same" recorded, bad input answered. */
@SpringBootTest
@AutoConfigureMockMvc
class DuplicatesPagesTests {

	static final RequestPostProcessor REVIEWER = user("reviewer-dup").roles("REVIEWER");

	static final RequestPostProcessor INTAKE = user("intake-dup").roles("INTAKE");

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	Document page(String path) throws Exception {
		var response = mvc.perform(get(path).with(REVIEWER).header("Accept-Language", "en")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	/** Whether the pair is on any page (other tests' namesakes may rank higher). */
	boolean listedAnywhere(UUID a, UUID b) throws Exception {
		for (int n = 1; n < 500; n++) {
			Document page = page("/staff/people/duplicates?page=" + n);
			if (listed(page, a, b)) {
				return true;
			}
			if (page.select("a[href*='page=" + (n + 1) + "']").isEmpty()) {
				return false;
			}
		}
		return false;
	}

	boolean listed(Document page, UUID a, UUID b) {
		return page.select("#duplicates tr")
			.stream()
			.anyMatch(row -> row.select("input[name=a], input[name=b]").eachAttr("value").containsAll(java.util.List.of(a.toString(), b.toString())));
	}

	@Test
	void listsLikelyDuplicatesWithScoreAndReasonsUntilMarkedNotTheSame() throws Exception {
		UUID a = people.create(new PersonDetails("کوروش بهمنی", null, "داریوش", 1975, null));
		UUID b = people.create(new PersonDetails(null, "Kourosh Bahmani", "Dariush", 1975, null));

		assertThat(listedAnywhere(a, b)).isTrue();
		Document first = page("/staff/people/duplicates?page=1");
		assertThat(first.select("#duplicates td.score").eachText()).isNotEmpty();
		assertThat(first.select("#duplicates li").eachText()).anyMatch(t -> t.contains("% alike"));

		mvc.perform(post("/staff/people/duplicates/not-same").with(INTAKE).with(csrf()).param("a", b.toString())
			.param("b", a.toString())).andExpect(status().is3xxRedirection());

		assertThat(listedAnywhere(a, b)).isFalse();
		var marked = jdbc.sql("select marked_by from people.not_same where person_a = ? and person_b = ?")
			.params(DuplicatePairs.Pair.of(a, b).a(), DuplicatePairs.Pair.of(a, b).b())
			.query(String.class)
			.list();
		assertThat(marked).containsExactly("intake-dup");
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'person.not-same'").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'person.duplicates' and actor = 'reviewer-dup'")
			.query(Long.class).single()).isPositive();
		// marking again changes nothing
		mvc.perform(post("/staff/people/duplicates/not-same").with(INTAKE).with(csrf()).param("a", a.toString())
			.param("b", b.toString())).andExpect(status().is3xxRedirection());
	}

	@Test
	void answersBadPairsWithAClearMessageNeverAnError() throws Exception {
		UUID a = people.create(new PersonDetails(null, "Shahla Ghaffari", null, null, null));
		var same = mvc.perform(post("/staff/people/duplicates/not-same").with(INTAKE).with(csrf()).param("a", a.toString())
			.param("b", a.toString()).header("Accept-Language", "en")).andReturn().getResponse();
		assertThat(same.getStatus()).isEqualTo(400);
		assertThat(same.getContentAsString(StandardCharsets.UTF_8)).contains("cannot be marked as different from themselves");
		mvc.perform(post("/staff/people/duplicates/not-same").with(INTAKE).with(csrf()).param("a", a.toString())
			.param("b", UUID.randomUUID().toString())).andExpect(status().isNotFound());
		mvc.perform(post("/staff/people/duplicates/not-same").with(INTAKE).with(csrf()).param("a", "not-an-id")
			.param("b", a.toString())).andExpect(status().isBadRequest());
		mvc.perform(post("/staff/people/duplicates/not-same").with(INTAKE).with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(get("/staff/people/duplicates?page=-5").with(REVIEWER)).andExpect(status().isOk());
		mvc.perform(get("/staff/people/duplicates?page=999999999").with(REVIEWER)).andExpect(status().isOk());
		mvc.perform(get("/staff/people/duplicates?page=abc").with(REVIEWER)).andExpect(status().isBadRequest());
		mvc.perform(get("/staff/people/duplicates").with(user("t").roles("TRANSLATOR"))).andExpect(status().isForbidden());
	}

}
