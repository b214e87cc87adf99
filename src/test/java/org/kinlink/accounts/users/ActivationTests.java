package org.kinlink.accounts.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.kinlink.accounts.StaffFixture.from;
import static org.kinlink.accounts.StaffFixture.newAddress;
import static org.kinlink.accounts.StaffFixture.newUsername;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.MovableClock;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The owner's side of S10: a single-use, expiring code sets the password; every bad version is refused. */
@AccountsWebTest
class ActivationTests {

	private static final String NEW_PASSWORD = "my own new password";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Test
	void theRightCodeSetsThePasswordAsArgon2idWithTheOwaspParameters() throws Exception {
		String username = newUsername("activate.ok");
		StaffFixture.Created created = new StaffFixture(mvc).create(username, StaffRole.INTAKE);

		mvc.perform(activation(username, created.code().toLowerCase().replace("-", " "), NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/login?activated"));

		String stored = jdbc.sql("select password_hash from accounts.staff_user where id = ?")
			.param(created.id())
			.query(String.class)
			.single();
		assertThat(stored).matches("\\{argon2}\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
		assertThat(stored).doesNotContain(NEW_PASSWORD);
		mvc.perform(StaffFixture.loginRequest(username, NEW_PASSWORD, newAddress())).andExpect(redirectedUrl(StaffFixture.SECOND_STEP));
		mvc.perform(get("/login?activated").header("Accept-Language", "fa"))
			.andExpect(content().string(containsString("حساب شما آماده است")));
	}

	@Test
	void aWrongCodeAndAnUnknownUsernameGetTheSameAnswer() throws Exception {
		String username = newUsername("activate.wrong");
		StaffFixture.Created created = new StaffFixture(mvc).create(username, StaffRole.INTAKE);
		String wrong = created.code().startsWith("A") ? "B" + created.code().substring(1) : "A" + created.code().substring(1);

		String forKnown = mvc.perform(activation(username, wrong, NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String forUnknown = mvc.perform(activation(newUsername("activate.nobody"), wrong, NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(forKnown).contains("The username or the activation code is not right.");
		assertThat(forUnknown).contains("The username or the activation code is not right.");
		assertThat(jdbc.sql("select password_hash is null from accounts.staff_user where id = ?")
			.param(created.id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aCodeExpiresAfterSeventyTwoHours() throws Exception {
		String username = newUsername("activate.expired");
		StaffFixture.Created created = new StaffFixture(mvc).create(username, StaffRole.INTAKE);

		clock.advance(Duration.ofHours(72));
		mvc.perform(activation(username, created.code(), NEW_PASSWORD, NEW_PASSWORD).header("Accept-Language", "sq"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ky kod aktivizimi ka skaduar.")));
	}

	@Test
	void aCodeStillWorksJustBeforeItExpires() throws Exception {
		String username = newUsername("activate.late");
		StaffFixture.Created created = new StaffFixture(mvc).create(username, StaffRole.INTAKE);

		clock.advance(Duration.ofHours(71).plusMinutes(59));
		mvc.perform(activation(username, created.code(), NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/login?activated"));
	}

	@Test
	void aCodeWorksOnlyOnce() throws Exception {
		String username = newUsername("activate.reuse");
		StaffFixture.Created created = new StaffFixture(mvc).create(username, StaffRole.INTAKE);
		mvc.perform(activation(username, created.code(), NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/login?activated"));

		mvc.perform(activation(username, created.code(), "someone else's password", "someone else's password"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"));
		mvc.perform(StaffFixture.loginRequest(username, NEW_PASSWORD, newAddress())).andExpect(redirectedUrl(StaffFixture.SECOND_STEP));
	}

	@Test
	void fiveWrongCodesLockActivationForThatName() throws Exception {
		String username = newUsername("activate.throttle");
		StaffFixture.Created created = new StaffFixture(mvc).create(username, StaffRole.INTAKE);
		for (int i = 0; i < 5; i++) {
			mvc.perform(activation(username, "00000-00000-00000-0000" + i, NEW_PASSWORD, NEW_PASSWORD));
		}

		mvc.perform(activation(username, created.code(), NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(content().string(containsString("Too many attempts.")));
		clock.advance(Duration.ofMinutes(15));
		mvc.perform(activation(username, created.code(), NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/login?activated"));
	}

	@Test
	void badPasswordsAndEmptyOrOverlongFieldsAreShownAgainWithoutEchoingThePassword() throws Exception {
		String username = newUsername("activate.bad");
		StaffFixture.Created created = new StaffFixture(mvc).create(username, StaffRole.INTAKE);

		mvc.perform(activation(username, created.code(), NEW_PASSWORD, NEW_PASSWORD + "!"))
			.andExpect(model().attributeHasFieldErrors("form", "passwordAgain"))
			.andExpect(content().string(not(containsString(NEW_PASSWORD))));
		mvc.perform(activation(username, created.code(), "too short", "too short"))
			.andExpect(model().attributeHasFieldErrors("form", "password"));
		mvc.perform(activation(username, created.code(), "p".repeat(129), "p".repeat(129)))
			.andExpect(model().attributeHasFieldErrors("form", "password"));
		mvc.perform(activation("", "", "", "")).andExpect(model().attributeHasFieldErrors("form", "username", "code", "password"));
		mvc.perform(activation("u".repeat(41), "C".repeat(65), NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(model().attributeHasFieldErrors("form", "username", "code"));
		mvc.perform(activation(username, created.code(), NEW_PASSWORD, NEW_PASSWORD)).andExpect(redirectedUrl("/login?activated"));
	}

	@Test
	void theActivationPageIsPublicAndSpeaksEveryLanguage() throws Exception {
		mvc.perform(get("/activate").header("Accept-Language", "fa"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("فعال‌سازی حساب")));
		mvc.perform(get("/activate").header("Accept-Language", "sq"))
			.andExpect(content().string(containsString("Aktivizoni llogarinë tuaj")));
		mvc.perform(post("/activate").param("username", "x")).andExpect(status().isForbidden());
	}

	private static MockHttpServletRequestBuilder activation(String username, String code, String password, String again) {
		return post("/activate").with(csrf())
			.with(from(newAddress()))
			.param("username", username)
			.param("code", code)
			.param("password", password)
			.param("passwordAgain", again);
	}

}
