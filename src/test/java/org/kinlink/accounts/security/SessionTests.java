package org.kinlink.accounts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinlink.accounts.StaffFixture.PASSWORD;
import static org.kinlink.accounts.StaffFixture.newUsername;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.MovableClock;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** S12: 30 minutes idle, 12 hours in all, sign-out only by POST with CSRF, and no-store on every answer. */
@AccountsWebTest
class SessionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void aSessionIdleForThirtyMinutesEnds() throws Exception {
		MockHttpSession session = signedIn("session.idle");

		clock.advance(Duration.ofMinutes(29));
		mvc.perform(get("/staff").session(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(29));
		mvc.perform(get("/staff").session(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(30));
		mvc.perform(get("/staff").session(session)).andExpect(redirectedUrl("/login?expired"));

		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void theServletContainerAlsoEndsSessionsAfterThirtyMinutesIdle() {
		assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class)).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void aBusySessionStillEndsTwelveHoursAfterSignIn() throws Exception {
		MockHttpSession session = signedIn("session.absolute");

		for (int i = 0; i < 28; i++) {
			clock.advance(Duration.ofMinutes(25));
			mvc.perform(get("/staff").session(session)).andExpect(status().isOk());
		}
		clock.advance(Duration.ofMinutes(20));
		mvc.perform(get("/staff").session(session)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void aGetOfLogoutOnlyOffersTheButton() throws Exception {
		MockHttpSession session = signedIn("session.get");

		mvc.perform(get("/logout").session(session)).andExpect(status().isOk());

		assertThat(session.isInvalid()).isFalse();
		mvc.perform(get("/staff").session(session)).andExpect(status().isOk());
	}

	@Test
	void aLogoutWithoutCsrfTokenIsRefusedAndAudited() throws Exception {
		MockHttpSession session = signedIn("session.nocsrf");

		mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());

		assertThat(session.isInvalid()).isFalse();
		mvc.perform(get("/staff").session(session)).andExpect(status().isOk());
		assertThat(jdbc.sql("select detail from audit.entry where action = 'access.denied' and record_id = 'POST /logout' order by sequence desc limit 1")
			.query(String.class)
			.single()).isEqualTo("csrf");
	}

	@Test
	void logoutInvalidatesTheSessionAndClearsSiteData() throws Exception {
		String username = newUsername("session.logout");
		UUID id = new StaffFixture(mvc).createActive(username, StaffRole.REVIEWER);
		MockHttpSession session = new StaffFixture(mvc).login(username, PASSWORD);

		mvc.perform(post("/logout").session(session).with(csrf()).header("Accept-Language", "sq"))
			.andExpect(redirectedUrl("/login?loggedOut&lang=sq"))
			.andExpect(header().string("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\""))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));

		assertThat(session.isInvalid()).isTrue();
		assertThat(jdbc.sql("select actor from audit.entry where action = 'logout' and record_id = ?")
			.param(id.toString())
			.query(String.class)
			.single()).isEqualTo(username);
	}

	@Test
	void disablingAnAccountEndsItsOpenSessions() throws Exception {
		String username = newUsername("session.disabled");
		UUID id = new StaffFixture(mvc).createActive(username, StaffRole.CASEWORKER);
		MockHttpSession session = new StaffFixture(mvc).login(username, PASSWORD);
		mvc.perform(get("/staff").session(session)).andExpect(status().isOk());

		mvc.perform(post("/staff/users/" + id + "/disable").with(StaffFixture.someAdmin()).with(csrf()))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get("/staff").session(session)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void everyAnswerSaysNoStore() throws Exception {
		MockHttpSession session = signedIn("session.nostore");
		for (var request : new org.springframework.test.web.servlet.RequestBuilder[] { get("/login"), get("/activate"),
				get("/staff").session(session), get("/staff/account/password").session(session),
				get("/staff/users").session(session), get("/no/such/page") }) {
			mvc.perform(request).andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
		}
	}

	private MockHttpSession signedIn(String prefix) throws Exception {
		String username = newUsername(prefix);
		new StaffFixture(mvc).createActive(username, StaffRole.INTAKE);
		return new StaffFixture(mvc).login(username, PASSWORD);
	}

}
