package org.kinlink.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffSession;
import org.kinlink.accounts.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * S9: a session that gave a right password but not yet its second factor reaches no staff route of the
 * inventory ({@link AuthorisationMatrixTests#STAFF_ROUTES}), whatever the account's roles: a page is sent to the
 * code step, anything else is refused with 403, and each refusal is audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordOnlySessionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyStaffRouteRefusesAPasswordOnlySession() throws Exception {
		StaffFixture staff = new StaffFixture(mvc);
		String username = StaffFixture.newUsername("password.only");
		staff.createActive(username, StaffRole.values());
		StaffSession session = staff.loginPasswordOnly(username, StaffFixture.PASSWORD);
		long deniedBefore = denials(username);

		List<String> wrong = new ArrayList<>();
		for (String route : AuthorisationMatrixTests.STAFF_ROUTES.keySet()) {
			String method = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{\\w+}", UUID.randomUUID().toString());
			var response = mvc.perform(request(HttpMethod.valueOf(method), path).with(session).with(csrf()))
				.andReturn()
				.getResponse();
			boolean refused = method.equals("GET") ? response.getStatus() == 302
					&& StaffFixture.SECOND_STEP.equals(response.getRedirectedUrl()) : response.getStatus() == 403;
			if (!refused) {
				wrong.add(route + " -> " + response.getStatus() + " " + response.getRedirectedUrl());
			}
		}

		assertThat(wrong).as("staff routes a password-only session reached").isEmpty();
		assertThat(denials(username) - deniedBefore).isEqualTo(AuthorisationMatrixTests.STAFF_ROUTES.size());
		staff.giveSecondFactor(username, session);
		assertThat(mvc.perform(request(HttpMethod.GET, "/staff").with(session)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	private long denials(String username) {
		return jdbc.sql("""
				select count(*) from audit.entry
				where actor = ? and action = 'access.denied' and outcome = 'DENIED' and detail = 'second-factor-missing'
				""").param(username).query(Long.class).single();
	}

}
