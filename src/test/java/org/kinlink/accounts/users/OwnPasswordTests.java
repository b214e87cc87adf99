package org.kinlink.accounts.users;

import static org.hamcrest.Matchers.containsString;
import static org.kinlink.accounts.StaffFixture.PASSWORD;
import static org.kinlink.accounts.StaffFixture.from;
import static org.kinlink.accounts.StaffFixture.loginRequest;
import static org.kinlink.accounts.StaffFixture.newAddress;
import static org.kinlink.accounts.StaffFixture.newUsername;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffRole;
import org.kinlink.accounts.StaffSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** S10: one's own password only, after giving the current one; other sessions end, this one stays. */
@AccountsWebTest
class OwnPasswordTests {

	private static final String NEW_PASSWORD = "an even better passphrase";

	@Autowired
	MockMvc mvc;

	@Test
	void changesTheOwnPasswordAfterTheCurrentOneAndEndsOtherSessions() throws Exception {
		String username = newUsername("own.change");
		StaffFixture staff = new StaffFixture(mvc);
		staff.createActive(username, StaffRole.TRANSLATOR);
		StaffSession here = staff.login(username, PASSWORD);
		StaffSession elsewhere = staff.login(username, PASSWORD);

		mvc.perform(change(here, PASSWORD, NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/staff/account/password?changed"));

		mvc.perform(get("/staff").with(here)).andExpect(status().isOk());
		mvc.perform(get("/staff").with(elsewhere)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
		mvc.perform(loginRequest(username, NEW_PASSWORD, newAddress())).andExpect(redirectedUrl(StaffFixture.SECOND_STEP));
	}

	@Test
	void itActsOnTheSignedInAccountOnlyWhateverTheRequestNames() throws Exception {
		String me = newUsername("own.me");
		String other = newUsername("own.other");
		StaffFixture staff = new StaffFixture(mvc);
		staff.createActive(me, StaffRole.INTAKE);
		UUID otherId = staff.createActive(other, StaffRole.INTAKE);
		StaffSession session = staff.login(me, PASSWORD);

		mvc.perform(change(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD).param("username", other)
			.param("id", otherId.toString())
			.param("userId", otherId.toString())).andExpect(redirectedUrl("/staff/account/password?changed"));

		mvc.perform(loginRequest(other, PASSWORD, newAddress())).andExpect(redirectedUrl(StaffFixture.SECOND_STEP));
		mvc.perform(loginRequest(me, NEW_PASSWORD, newAddress())).andExpect(redirectedUrl(StaffFixture.SECOND_STEP));
	}

	@Test
	void aWrongCurrentPasswordIsRefusedAndCountsTowardsTheLockout() throws Exception {
		String username = newUsername("own.wrong");
		StaffFixture staff = new StaffFixture(mvc);
		staff.createActive(username, StaffRole.INTAKE);
		StaffSession session = staff.login(username, PASSWORD);

		for (int i = 0; i < 5; i++) {
			mvc.perform(change(session, "not my password " + i, NEW_PASSWORD, NEW_PASSWORD))
				.andExpect(model().attributeHasFieldErrors("form", "currentPassword"));
		}
		mvc.perform(change(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD).header("Accept-Language", "fa"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("تلاش‌ها بیش از اندازه بوده است")));
	}

	@Test
	void badNewPasswordsAreShownAgain() throws Exception {
		String username = newUsername("own.bad");
		StaffFixture staff = new StaffFixture(mvc);
		staff.createActive(username, StaffRole.INTAKE);
		StaffSession session = staff.login(username, PASSWORD);

		mvc.perform(change(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x"))
			.andExpect(model().attributeHasFieldErrors("form", "newPasswordAgain"));
		mvc.perform(change(session, PASSWORD, "short", "short")).andExpect(model().attributeHasFieldErrors("form", "newPassword"));
		mvc.perform(change(session, PASSWORD, "n".repeat(129), "n".repeat(129)))
			.andExpect(model().attributeHasFieldErrors("form", "newPassword"));
		mvc.perform(change(session, PASSWORD, PASSWORD, PASSWORD)).andExpect(model().attributeHasFieldErrors("form", "newPassword"));
		mvc.perform(change(session, "", "", "")).andExpect(model().attributeHasFieldErrors("form", "currentPassword", "newPassword"));
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		mvc.perform(get("/staff/account/password")).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/staff/account/password").with(csrf()).param("newPassword", NEW_PASSWORD))
			.andExpect(redirectedUrl("/login"));
	}

	private static MockHttpServletRequestBuilder change(StaffSession session, String current, String next, String again) {
		return post("/staff/account/password").with(session)
			.with(csrf())
			.with(from(newAddress()))
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("newPasswordAgain", again);
	}

}
