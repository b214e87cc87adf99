package org.kinlink.tracing.requests;

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
import org.kinlink.cases.DisclosureLevel;
import org.kinlink.people.People;
import org.kinlink.storage.Vault;
import org.kinlink.tracing.FamilyTracing;
import org.kinlink.tracing.TracingAnswer;
import org.kinlink.tracing.TracingFixture;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The staff side of tracing: who may use it, every bad input of the entry form, the matcher's proposals for a
 * name in both scripts, linking, answering through the consent gate (audited) and closing as not found.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TracingStaffTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	Vault vault;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FamilyTracing tracing;

	TracingFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new TracingFixture(people, vault, jdbc);
	}

	static RequestPostProcessor caseworker() {
		return user("tracing-cw").roles("CASEWORKER");
	}

	static Map<String, String> entry(String persian, String latin) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("soughtNamePersian", persian);
		form.put("soughtNameLatin", latin);
		form.put("soughtFatherName", "Bahram");
		form.put("soughtBirthYear", "1994");
		form.put("soughtBirthPlace", "شیراز");
		form.put("soughtOtherDetails", "");
		form.put("requesterName", "پروین");
		form.put("requesterRelationship", "مادر");
		form.put("language", "fa");
		return form;
	}

	static MockHttpServletRequestBuilder postForm(String path, Map<String, String> form) {
		MockHttpServletRequestBuilder request = post(path).with(csrf());
		form.forEach((name, value) -> {
			if (value != null) {
				request.param(name, value);
			}
		});
		return request;
	}

	MockHttpServletResponse send(Map<String, String> form, RequestPostProcessor who, String language) throws Exception {
		return mvc.perform(postForm("/staff/tracing", form).with(who).header("Accept-Language", language)).andReturn().getResponse();
	}

	UUID enter(Map<String, String> form) throws Exception {
		MockHttpServletResponse response = send(form, caseworker(), "en");
		assertThat(response.getStatus()).isEqualTo(302);
		return UUID.fromString(response.getRedirectedUrl().substring("/staff/tracing/".length()));
	}

	Document page(UUID id) throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/staff/tracing/" + id).with(caseworker()).header("Accept-Language", "en"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	int act(String path, RequestPostProcessor who, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post(path).with(csrf()).with(who);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	long audited(String action, String outcome, Object recordId) {
		return jdbc.sql("select count(*) from audit.entry where action = ? and outcome = ? and record_id = ?")
			.params(action, outcome, recordId.toString())
			.query(Long.class)
			.single();
	}

	@Test
	void otherRolesAreRefusedEveryRoute() throws Exception {
		UUID id = enter(entry("ژاله کوهستانی", "Zhaleh Kuhestani"));
		for (String role : List.of("TRANSLATOR", "REVIEWER", "LIAISON", "ADMIN", "AUDITOR")) {
			RequestPostProcessor who = user("tracing-" + role.toLowerCase()).roles(role);
			assertThat(mvc.perform(get("/staff/tracing").with(who)).andReturn().getResponse().getStatus()).as(role).isEqualTo(403);
			assertThat(mvc.perform(get("/staff/tracing/new").with(who)).andReturn().getResponse().getStatus()).as(role).isEqualTo(403);
			assertThat(mvc.perform(get("/staff/tracing/" + id).with(who)).andReturn().getResponse().getStatus()).as(role).isEqualTo(403);
			assertThat(send(entry("ژاله", "Zhaleh"), who, "en").getStatus()).as(role).isEqualTo(403);
			assertThat(act("/staff/tracing/" + id + "/link", who, "personId", UUID.randomUUID().toString())).as(role).isEqualTo(403);
			assertThat(act("/staff/tracing/" + id + "/person", who)).as(role).isEqualTo(403);
			assertThat(act("/staff/tracing/" + id + "/answer", who)).as(role).isEqualTo(403);
			assertThat(act("/staff/tracing/" + id + "/close", who)).as(role).isEqualTo(403);
		}
		assertThat(page(id).select("#linked-person")).isEmpty();
	}

	@Test
	void anonymousVisitorsAreSentToTheLogin() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/staff/tracing")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void intakeCaseworkersAndSupervisorsWorkOnRequests() throws Exception {
		for (String role : List.of("INTAKE", "CASEWORKER", "SUPERVISOR")) {
			RequestPostProcessor who = user("tracing-ok-" + role.toLowerCase()).roles(role);
			assertThat(mvc.perform(get("/staff/tracing").with(who)).andReturn().getResponse().getStatus()).as(role).isEqualTo(200);
			assertThat(mvc.perform(get("/staff/tracing/new").with(who)).andReturn().getResponse().getStatus()).as(role).isEqualTo(200);
			assertThat(send(entry("ژاله", "Zhaleh"), who, "en").getStatus()).as(role).isEqualTo(302);
		}
	}

	@Test
	void theListFiltersByStateAndRefusesAnUnknownState() throws Exception {
		UUID open = enter(entry("نسترن آذرپاد", "Nastaran Azarpad"));
		UUID closed = enter(entry("نسترن آذرپاد", "Nastaran Azarpad"));
		assertThat(act("/staff/tracing/" + closed + "/close", caseworker())).isEqualTo(302);
		String openList = mvc.perform(get("/staff/tracing").param("state", "OPEN").with(caseworker())).andReturn().getResponse().getContentAsString();
		assertThat(openList).contains(open.toString()).doesNotContain(closed.toString());
		String closedList = mvc.perform(get("/staff/tracing").param("state", "CLOSED_NOT_FOUND").with(caseworker())).andReturn().getResponse().getContentAsString();
		assertThat(closedList).contains(closed.toString()).doesNotContain(open.toString());
		assertThat(mvc.perform(get("/staff/tracing").param("state", "LOST").with(caseworker())).andReturn().getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void aRequestWithoutAnyNameOfTheSoughtPersonIsRefusedInEachLanguage() throws Exception {
		Map<String, String> form = entry("", " ");
		Map<String, String> expected = Map.of("en", "Please write the name of the person you are looking for",
				"fa", "لطفاً نام شخصی را که در جست‌وجوی او هستید", "sq", "Ju lutemi shkruani emrin e personit që kërkoni");
		for (var language : expected.entrySet()) {
			MockHttpServletResponse response = send(form, caseworker(), language.getKey());
			assertThat(response.getStatus()).isEqualTo(400);
			assertThat(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).select("#soughtNamePersian-error").text())
				.contains(language.getValue());
		}
	}

	@Test
	void aYearOfBirthOutOfRangeIsRefused() throws Exception {
		for (String year : List.of("1850", "2999", "abcd", "۱۳۷۰", "19945")) {
			Map<String, String> form = entry("ژاله", "Zhaleh");
			form.put("soughtBirthYear", year);
			MockHttpServletResponse response = send(form, caseworker(), "en");
			assertThat(response.getStatus()).as(year).isEqualTo(400);
			assertThat(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).select("#soughtBirthYear-error").text())
				.as(year).isNotEmpty();
		}
		Map<String, String> persianDigits = entry("ژاله", "Zhaleh");
		persianDigits.put("soughtBirthYear", "۱۹۹۴");
		assertThat(send(persianDigits, caseworker(), "en").getStatus()).isEqualTo(302);
	}

	@Test
	void hostileCharactersMissingRequesterAndUnknownLanguageAreRefused() throws Exception {
		List<Map.Entry<String, String>> bad = List.of(Map.entry("soughtNameLatin", "Ali\u202Egnp.exe"),
				Map.entry("soughtNamePersian", "علی\u200B"), Map.entry("soughtBirthPlace", "a\u2066b"),
				Map.entry("soughtFatherName", "x".repeat(101)), Map.entry("requesterName", ""),
				Map.entry("requesterRelationship", " "), Map.entry("language", "xx"));
		for (Map.Entry<String, String> field : bad) {
			Map<String, String> form = entry("ژاله", "Zhaleh");
			form.put(field.getKey(), field.getValue());
			MockHttpServletResponse response = send(form, caseworker(), "en");
			assertThat(response.getStatus()).as(field.getKey()).isEqualTo(400);
			assertThat(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).select(".is-invalid").eachAttr("name"))
				.as(field.getKey()).contains(field.getKey());
		}
	}

	@Test
	void theMatcherProposesThePersonNamedInBothScripts() throws Exception {
		UUID sought = fixture.person("فرشته کیانپور", "Fereshteh Kianpour", "Bahram", 1994);
		UUID other = fixture.person("فرشید کیانی", "Farshid Kiani", "Jamshid", 1970);
		UUID both = enter(entry("فرشته کیانپور", "Fereshteh Kianpour"));
		assertThat(page(both).select("#candidates tbody tr").eachAttr("data-person-id")).first().isEqualTo(sought.toString());
		UUID latinOnly = enter(entry("", "Fereshte Kianpur"));
		assertThat(page(latinOnly).select("#candidates tbody tr").eachAttr("data-person-id")).first().isEqualTo(sought.toString());
		UUID persianOnly = enter(entry("فرشته کیانپور", ""));
		List<String> proposed = page(persianOnly).select("#candidates tbody tr").eachAttr("data-person-id");
		assertThat(proposed).first().isEqualTo(sought.toString());
		assertThat(proposed).doesNotContain(other.toString());
		assertThat(page(both).select("#candidates tbody tr").first().select("li").eachText()).anyMatch(r -> r.contains("alike"));
	}

	@Test
	void aCaseworkerLinksAPersonAndAnswersWhatTheyAllowThroughTheAuditedGate() throws Exception {
		UUID person = fixture.person("مهتاب سپهری", "Mahtab Sepehri", "Bahram", 1994);
		fixture.decide(person, DisclosureLevel.ALIVE_AND_WELL);
		UUID id = enter(entry("مهتاب سپهری", "Mahtab Sepehri"));
		assertThat(tracing.answer(id).kind()).isEqualTo(TracingAnswer.Kind.SEARCHING);
		assertThat(act("/staff/tracing/" + id + "/link", caseworker(), "personId", person.toString())).isEqualTo(302);
		assertThat(page(id).select("#linked-person").text()).contains("Mahtab Sepehri");

		MockHttpServletResponse refused = mvc.perform(post("/staff/tracing/" + id + "/answer").param("note", "Call her at 0691234567")
			.with(csrf()).with(caseworker()).header("Accept-Language", "en")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("has not allowed their contact details to be shared");
		assertThat(audited("disclosure", "DENIED", person)).isEqualTo(1);
		assertThat(tracing.answer(id).kind()).isEqualTo(TracingAnswer.Kind.SEARCHING);

		assertThat(act("/staff/tracing/" + id + "/answer", caseworker(), "note", "")).isEqualTo(302);
		assertThat(audited("disclosure", "SUCCESS", person)).isEqualTo(1);
		TracingAnswer answer = tracing.answer(id);
		assertThat(answer.kind()).isEqualTo(TracingAnswer.Kind.ALIVE_AND_WELL);
		assertThat(answer.note()).isNull();
		assertThat(answer.answeredOn()).isNotNull();
		assertThat(act("/staff/tracing/" + id + "/close", caseworker())).isEqualTo(409);
		assertThat(act("/staff/tracing/" + id + "/answer", caseworker(), "note", "")).isEqualTo(409);
	}

	@Test
	void aNoteNeedsConsentToShareContactAndAWithdrawalSilencesItAtOnce() throws Exception {
		UUID person = fixture.person("ترانه مقدم", "Taraneh Moghadam", "Bahram", 1994);
		fixture.decide(person, DisclosureLevel.SHARE_CONTACT);
		UUID id = enter(entry("ترانه مقدم", "Taraneh Moghadam"));
		assertThat(act("/staff/tracing/" + id + "/link", caseworker(), "personId", person.toString())).isEqualTo(302);
		assertThat(act("/staff/tracing/" + id + "/answer", caseworker(), "note", "Taraneh asks you to write to box 12")).isEqualTo(302);
		assertThat(tracing.answer(id)).extracting(TracingAnswer::kind, TracingAnswer::note)
			.containsExactly(TracingAnswer.Kind.IN_TOUCH, "Taraneh asks you to write to box 12");
		assertThat(jdbc.sql("select count(*) from tracing.request where position(convert_to('box 12', 'UTF8') in note) > 0")
			.query(Long.class).single()).isZero();

		fixture.decide(person, DisclosureLevel.RELAY_MESSAGES);
		assertThat(tracing.answer(id)).extracting(TracingAnswer::kind, TracingAnswer::note)
			.containsExactly(TracingAnswer.Kind.MESSAGES_WELCOME, null);
		fixture.withdraw(person);
		assertThat(tracing.answer(id)).extracting(TracingAnswer::kind, TracingAnswer::note)
			.containsExactly(TracingAnswer.Kind.NO_INFORMATION, null);
	}

	@Test
	void aPersonWithoutDecisionIsAnsweredWithNothingAndNoDisclosureIsAudited() throws Exception {
		UUID person = fixture.person("شهره نیک‌نام", "Shohreh Niknam", "Bahram", 1994);
		UUID id = enter(entry("شهره نیک‌نام", "Shohreh Niknam"));
		assertThat(act("/staff/tracing/" + id + "/link", caseworker(), "personId", person.toString())).isEqualTo(302);
		assertThat(act("/staff/tracing/" + id + "/answer", caseworker(), "note", "")).isEqualTo(302);
		assertThat(tracing.answer(id).kind()).isEqualTo(TracingAnswer.Kind.NO_INFORMATION);
		assertThat(audited("disclosure", "SUCCESS", person)).isZero();
		assertThat(audited("tracing.answer", "SUCCESS", id)).isEqualTo(1);
	}

	@Test
	void aNewPersonIsMadeFromTheRequestAndLinked() throws Exception {
		UUID id = enter(entry("آرمان دلاوری", "Arman Delavari"));
		assertThat(act("/staff/tracing/" + id + "/person", caseworker())).isEqualTo(302);
		Document page = page(id);
		assertThat(page.select("#linked-person").text()).contains("آرمان دلاوری").contains("Arman Delavari");
		assertThat(act("/staff/tracing/" + id + "/close", caseworker())).isEqualTo(302);
		assertThat(act("/staff/tracing/" + id + "/person", caseworker())).isEqualTo(409);
	}

	@Test
	void unknownRequestsAndPersonsAreNotFound() throws Exception {
		assertThat(mvc.perform(get("/staff/tracing/" + UUID.randomUUID()).with(caseworker())).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(get("/staff/tracing/not-an-id").with(caseworker())).andReturn().getResponse().getStatus())
			.isEqualTo(400);
		UUID id = enter(entry("ژاله", "Zhaleh"));
		assertThat(act("/staff/tracing/" + id + "/link", caseworker(), "personId", UUID.randomUUID().toString())).isEqualTo(404);
		assertThat(act("/staff/tracing/" + id + "/answer", caseworker(), "note", "")).isEqualTo(409);
	}

	@Test
	void openingARequestIsAuditedAndItsDetailsAreSealed() throws Exception {
		UUID id = enter(entry("کیمیا ورزنده", "Kimia Varzandeh"));
		page(id);
		assertThat(audited("tracing.read", "SUCCESS", id)).isEqualTo(1);
		assertThat(jdbc.sql("select source from tracing.request where id = ?").param(id).query(String.class).single()).isEqualTo("STAFF");
		byte[] sealed = jdbc.sql("select details from tracing.request where id = ?").param(id).query(byte[].class).single();
		assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("Kimia").doesNotContain("Varzandeh");
	}

}
