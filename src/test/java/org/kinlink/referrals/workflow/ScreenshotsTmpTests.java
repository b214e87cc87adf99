package org.kinlink.referrals.workflow;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.referrals.ReferralsTestSupport;
import org.kinlink.referrals.UpstreamFakes;
import org.kinlink.referrals.directory.AuthorityDirectory;

import org.springframework.beans.factory.annotation.Autowired;

class ScreenshotsTmpTests extends ReferralsTestSupport {

	@Autowired
	AuthorityDirectory directory;

	@Autowired
	ReferralService service;

	@Test
	void shots() throws Exception {
		String name = "Policia e Shtetit " + UUID.randomUUID().toString().substring(0, 4);
		mvc.perform(post("/staff/authorities").with(csrf()).with(user("lina").roles("LIAISON")).param("name", name).param("kind", "POLICE")
			.param("language", "sq").param("postalAddress", "Sheshi Skënderbej 3\nTiranë").param("email", "desk@policia.test").param("acknowledgementDays", "30"));
		UUID authority = directory.all().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().id();
		UUID m = messages.add(UpstreamFakes.PERSIAN);
		translations.approve(m, "sq", UpstreamFakes.ALBANIAN);
		UUID id = service.create(authority, java.util.List.of(m), "lina");
		service.approve(id, "rita");
		for (String lang : new String[] { "en", "fa", "sq" }) {
			save("authorities-" + lang, "/staff/authorities", lang);
			save("new-" + lang, "/staff/referrals/new", lang);
			save("show-" + lang, "/staff/referrals/" + id, lang);
			save("list-" + lang, "/staff/referrals", lang);
			save("authform-" + lang, "/staff/authorities/new", lang);
		}
	}

	void save(String file, String path, String lang) throws Exception {
		String html = mvc.perform(get(path).param("lang", lang).with(user("lina").roles("LIAISON", "REVIEWER"))).andReturn().getResponse().getContentAsString();
		html = html.replaceAll("href=\"/webjars/bootstrap/dist/css/", "href=\"").replaceAll("href=\"/css/kinlink[^\"]*\"", "href=\"kinlink.css\"");
		Files.writeString(Path.of("target/shots/" + file + ".html"), html);
	}

}
