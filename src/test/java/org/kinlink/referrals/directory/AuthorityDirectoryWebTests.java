package org.kinlink.referrals.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.referrals.ReferralsTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The authorities directory through HTTP: create, edit, deactivate, and every bad input refused. */
class AuthorityDirectoryWebTests extends ReferralsTestSupport {

	@Autowired
	AuthorityDirectory directory;

	static Map<String, String> valid() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "Policia e Shtetit, Drejtoria e Kërkimit");
		form.put("kind", "POLICE");
		form.put("language", "sq");
		form.put("postalAddress", "Sheshi Skënderbej 3\nTiranë");
		form.put("email", "kerkimi@policia.test");
		form.put("acknowledgementDays", "30");
		return form;
	}

	static MockHttpServletRequestBuilder postForm(String path, Map<String, String> form) {
		MockHttpServletRequestBuilder request = post(path).with(csrf()).with(user("lina").roles("LIAISON"));
		form.forEach((k, v) -> request.param(k, v));
		return request;
	}

	@Test
	void createsAnAuthorityAndListsIt() throws Exception {
		Map<String, String> form = valid();
		form.put("name", "Ministria e Brendshme " + UUID.randomUUID());
		form.put("kind", "MINISTRY");
		mvc.perform(postForm("/staff/authorities", form)).andExpect(status().is3xxRedirection());
		Authority created = directory.all().stream().filter(a -> a.name().equals(form.get("name"))).findFirst().orElseThrow();
		assertThat(created.kind()).isEqualTo(AuthorityKind.MINISTRY);
		assertThat(created.language()).isEqualTo("sq");
		assertThat(created.acknowledgementDays()).isEqualTo(30);
		assertThat(created.active()).isTrue();
		assertThat(auditOf("authority", created.id())).extracting(r -> r.get("action"), r -> r.get("actor"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("authority.create", "lina"));
		mvc.perform(get("/staff/authorities").with(user("lina").roles("LIAISON")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(form.get("name"))));
	}

	@Test
	void refusesEmptyAndOverLongFieldsBadMailAndDeadlinesOutOfRange() throws Exception {
		Map<String, String[]> bad = new LinkedHashMap<>();
		bad.put("name", new String[] { "", "x".repeat(201), "Polici\u202Ea" });
		bad.put("postalAddress", new String[] { "", "a".repeat(501) });
		bad.put("email", new String[] { "", "not-an-address", "a@b", "two@@example.test", "x@example.test\r\nBcc: y@example.test" });
		bad.put("acknowledgementDays", new String[] { "0", "1000", "-3", "ten", "" });
		bad.put("language", new String[] { "", "de", "fa-IR" });
		bad.put("kind", new String[] { "", "SECRET_SERVICE" });
		for (Map.Entry<String, String[]> field : bad.entrySet()) {
			for (String value : field.getValue()) {
				Map<String, String> form = valid();
				form.put(field.getKey(), value);
				mvc.perform(postForm("/staff/authorities", form))
					.andExpect(status().isOk())
					.andExpect(view().name(AuthorityController.FORM))
					.andExpect(model().attributeHasFieldErrors("form", field.getKey()));
			}
		}
		assertThat(directory.all()).noneMatch(a -> a.name().startsWith("Polici\u202E"));
	}

	@Test
	void showsFieldErrorsInTheReadersLanguage() throws Exception {
		Map<String, String> form = valid();
		form.put("acknowledgementDays", "1000");
		mvc.perform(postForm("/staff/authorities", form).param("lang", "sq"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Ditë për konfirmim")));
	}

	@Test
	void editsAndDeactivatesAnAuthority() throws Exception {
		Map<String, String> form = valid();
		form.put("name", "UNHCR Tirana " + UUID.randomUUID());
		form.put("kind", "UN_BODY");
		form.put("language", "en");
		UUID id = directory.create(new AuthorityForm(form.get("name"), AuthorityKind.UN_BODY, "en", "Rruga e Elbasanit\nTirana",
				"tirana@unhcr.test", 14, null));
		mvc.perform(get("/staff/authorities/{id}/edit", id).with(user("lina").roles("LIAISON"))).andExpect(status().isOk());
		form.put("acknowledgementDays", "21");
		form.put("version", "0");
		mvc.perform(postForm("/staff/authorities/" + id, form)).andExpect(status().is3xxRedirection());
		assertThat(directory.get(id).acknowledgementDays()).isEqualTo(21);

		mvc.perform(post("/staff/authorities/{id}/deactivate", id).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(status().is3xxRedirection());
		assertThat(directory.get(id).active()).isFalse();
		assertThat(directory.active()).noneMatch(a -> a.id().equals(id));
		mvc.perform(post("/staff/authorities/{id}/deactivate", id).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(status().isConflict());
		assertThat(auditOf("authority", id)).extracting(r -> r.get("action"))
			.containsExactly("authority.create", "authority.update", "authority.deactivate");
	}

	@Test
	void refusesAStaleEdit() throws Exception {
		UUID id = directory.create(new AuthorityForm("Ambasada " + UUID.randomUUID(), AuthorityKind.EMBASSY, "en", "Tirana",
				"consul@embassy.test", 30, null));
		Map<String, String> form = valid();
		form.put("version", "0");
		mvc.perform(postForm("/staff/authorities/" + id, form)).andExpect(status().is3xxRedirection());
		mvc.perform(postForm("/staff/authorities/" + id, form)).andExpect(status().isConflict());
	}

	@Test
	void answersUnknownAuthoritiesWith404() throws Exception {
		UUID unknown = UUID.randomUUID();
		mvc.perform(get("/staff/authorities/{id}/edit", unknown).with(user("lina").roles("LIAISON"))).andExpect(status().isNotFound());
		mvc.perform(postForm("/staff/authorities/" + unknown, valid())).andExpect(status().isNotFound());
		mvc.perform(post("/staff/authorities/{id}/deactivate", unknown).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/staff/authorities/not-a-uuid/edit").with(user("lina").roles("LIAISON"))).andExpect(status().isBadRequest());
	}

	@Test
	void letsOnlyLiaisonStaffIn() throws Exception {
		mvc.perform(get("/staff/authorities").with(user("rita").roles("REVIEWER"))).andExpect(status().isForbidden());
		mvc.perform(post("/staff/authorities").with(csrf()).with(user("tina").roles("TRANSLATOR")).param("name", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/authorities")).andExpect(status().is3xxRedirection());
	}

}
