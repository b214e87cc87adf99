package org.kinlink.accounts.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockCookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * S12: the session cookie is ours (name, HttpOnly, SameSite=Strict) even without a servlet container. Spring
 * Session used to copy the container's settings and, in a mock servlet context, sent "SESSION" without either.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionCookieTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theSessionCookieIsHttpOnlyAndStrictWithoutAContainer() throws Exception {
		String username = StaffFixture.newUsername("session.cookie");
		new StaffFixture(mvc).createActive(username, StaffRole.INTAKE);
		MvcResult result = mvc.perform(StaffFixture.loginRequest(username, StaffFixture.PASSWORD, StaffFixture.newAddress()))
			.andReturn();

		Cookie cookie = result.getResponse().getCookie("KINLINK_SESSION");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(((MockCookie) cookie).getSameSite()).isEqualTo("Strict");
		assertThat(result.getResponse().getCookie("SESSION")).isNull();
	}

}
