package org.kinlink.cases.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinlink.cases.casefile.CasesTestSupport;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The administrator's template editor: seeded defaults, validation of placeholders, optimistic locking, audit. */
class TemplateEditorTests extends CasesTestSupport {

	@Test
	void theDefaultTemplatesAreSeeded() {
		Map<String, Object> police = template("POLICE");
		assertThat(police.get("language")).isEqualTo("sq");
		assertThat(police.get("deadline_hours")).isEqualTo(24);
		assertThat((String) police.get("body")).contains("{name_latin}", "{departed_on}", "Me respekt");
		assertThat(template("UN_BODY").get("deadline_hours")).isEqualTo(72);
		assertThat(template("INTERNATIONAL_BODY").get("language")).isEqualTo("en");
		for (String kind : new String[] { "POLICE", "UN_BODY", "INTERNATIONAL_BODY" }) {
			assertThat(Placeholders.unknown((String) template(kind).get("body"))).isEmpty();
			assertThat(Placeholders.unknown((String) template(kind).get("subject"))).isEmpty();
		}
	}

	@Test
	void theAdministratorListsAndEditsTemplates() throws Exception {
		mvc.perform(get("/staff/cases/templates").with(as("admin", "ADMIN")).param("lang", "sq"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Shabllonet e njoftimeve")));
		int version = (Integer) template("EMBASSY").getOrDefault("version", -1);
		assertThat(version).isEqualTo(-1);
		mvc.perform(save("EMBASSY", "Notice {reference}", "Dear colleagues, {name_latin} left on {departed_on}.", "48", null))
			.andExpect(status().is3xxRedirection());
		assertThat(template("EMBASSY").get("deadline_hours")).isEqualTo(48);
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'case.template.update' and record_id = 'EMBASSY'")
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void anUnknownPlaceholderIsRefusedWithAClearMessage() throws Exception {
		int version = (Integer) template("UN_BODY").get("version");
		mvc.perform(save("UN_BODY", "Notice {reference}", "Dear {nickname}, see {reference}.", "72", version))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "body", "cases.template.placeholder.unknown"))
			.andExpect(content().string(containsString("Unknown placeholder: {nickname}.")));
		assertThat((String) template("UN_BODY").get("body")).doesNotContain("nickname");
	}

	@Test
	void aDeadlineOutOfRangeIsRefused() throws Exception {
		int version = (Integer) template("UN_BODY").get("version");
		mvc.perform(save("UN_BODY", "Notice", "Body", "0", version))
			.andExpect(model().attributeHasFieldErrors("form", "deadlineHours"));
		mvc.perform(save("UN_BODY", "Notice", "Body", "721", version))
			.andExpect(model().attributeHasFieldErrors("form", "deadlineHours"));
	}

	@Test
	void aSaveOverAnotherAdministratorsIsRefused() throws Exception {
		int version = (Integer) template("INTERNATIONAL_BODY").get("version");
		String body = (String) template("INTERNATIONAL_BODY").get("body");
		mvc.perform(save("INTERNATIONAL_BODY", "First {reference}", body, "72", version)).andExpect(status().is3xxRedirection());
		mvc.perform(save("INTERNATIONAL_BODY", "Second {reference}", body, "72", version))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else saved this template")));
		assertThat(template("INTERNATIONAL_BODY").get("subject")).isEqualTo("First {reference}");
	}

	@Test
	void onlyTheAdministratorEditsTemplates() throws Exception {
		mvc.perform(get("/staff/cases/templates").with(as("cw", "CASEWORKER"))).andExpect(status().isForbidden());
		mvc.perform(post("/staff/cases/templates/POLICE").with(csrf()).with(as("sup", "SUPERVISOR")).param("subject", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/cases/templates/NOPE").with(as("admin", "ADMIN"))).andExpect(status().isNotFound());
	}

	@Test
	void placeholdersAreFilledWithoutATemplateEngine() {
		String filled = Placeholders.fill("{name_latin} ({father_name}) {unknown} ${7*7} [[${x}]]",
				Map.of("name_latin", "Ali ${x}"));
		assertThat(filled).isEqualTo("Ali ${x} (—) {unknown} ${7*7} [[${x}]]");
		assertThat(Placeholders.unknown("{reference} {oops} {name_latin} {oops}")).containsExactly("oops");
	}

	private Map<String, Object> template(String kind) {
		return jdbc.sql("select * from cases.notification_template where authority_kind = ?").param(kind).query().listOfRows()
			.stream().findFirst().orElse(Map.of());
	}

	private MockHttpServletRequestBuilder save(String kind, String subject, String body, String hours, Integer version) {
		MockHttpServletRequestBuilder request = post("/staff/cases/templates/{k}", kind).with(csrf()).with(as("admin", "ADMIN"))
			.param("language", "en")
			.param("deadlineHours", hours)
			.param("subject", subject)
			.param("body", body)
			.param("enabled", "true");
		return version == null ? request : request.param("version", version.toString());
	}

}
