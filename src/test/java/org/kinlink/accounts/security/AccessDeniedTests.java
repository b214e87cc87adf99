package org.kinlink.accounts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinlink.accounts.StaffFixture.PASSWORD;
import static org.kinlink.accounts.StaffFixture.newUsername;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffRole;
import org.kinlink.accounts.factor.Totp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * S10 and the 403 rule: a signed-in member without the role gets 403 on every administrator and auditor
 * route, and each refusal is in the audit trail as DENIED under their name; over real HTTP the refusal is
 * the localized error page, and the session cookie is new, long, HttpOnly and SameSite=Strict. (MockMvc's
 * csrf() swaps the shared filter's token store for a session-based one, so a session may exist before sign-in
 * here; sign-in must still replace it.)
 */
@AccountsWebTest
class AccessDeniedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@LocalServerPort
	int port;

	@Test
	void everyAdministratorRouteRefusesOtherRolesAndAuditsTheRefusal() throws Exception {
		UUID target = new StaffFixture(mvc).createActive(newUsername("denied.target"), StaffRole.INTAKE);
		String intruder = newUsername("denied.translator");
		var asTranslator = user(intruder).roles("TRANSLATOR", "REVIEWER", "CASEWORKER", "LIAISON", "INTAKE", "AUDITOR");
		List<MockHttpServletRequestBuilder> adminRoutes = List.of(get("/staff/users"), get("/staff/users/new"),
				get("/staff/users/" + target), post("/staff/users").param("username", "sneaky").param("displayName", "S").param("roles", "ADMIN"),
				post("/staff/users/" + target + "/roles").param("roles", "ADMIN"), post("/staff/users/" + target + "/reset"),
				post("/staff/users/" + target + "/disable"), post("/staff/users/" + target + "/enable"));

		for (MockHttpServletRequestBuilder route : adminRoutes) {
			mvc.perform(route.with(asTranslator).with(csrf())).andExpect(status().isForbidden());
		}

		List<Map<String, Object>> denied = jdbc.sql("select record_id, outcome, detail from audit.entry where action = 'access.denied' and actor = ?")
			.param(intruder)
			.query()
			.listOfRows();
		assertThat(denied).hasSize(adminRoutes.size())
			.allSatisfy(row -> assertThat(row).containsEntry("outcome", "DENIED").containsEntry("detail", "authorization"));
		assertThat(denied).extracting(row -> row.get("record_id")).contains("POST /staff/users/" + target + "/reset", "GET /staff/users");
		assertThat(jdbc.sql("select password_hash is not null and enabled from accounts.staff_user where id = ?")
			.param(target)
			.query(Boolean.class)
			.single()).as("nothing happened to the target").isTrue();
	}

	@Test
	void theAuditTrailRefusesEveryoneButAuditors() throws Exception {
		String admin = newUsername("denied.admin");
		var asAdmin = user(admin).roles("ADMIN", "INTAKE", "TRANSLATOR", "REVIEWER", "CASEWORKER", "LIAISON");
		mvc.perform(get("/staff/audit").with(asAdmin)).andExpect(status().isForbidden());
		mvc.perform(get("/staff/audit/verify").with(asAdmin)).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'access.denied' and actor = ? and outcome = 'DENIED'")
			.param(admin)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anonymousVisitorsAreSentToSignInNotToA403() throws Exception {
		mvc.perform(get("/staff/users")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/staff/audit")).andExpect(status().is3xxRedirection());
	}

	@Test
	void overRealHttpTheRefusalIsTheLocalizedErrorPageAndTheSessionCookieIsStrict() throws Exception {
		String username = newUsername("denied.http");
		new StaffFixture(mvc).createActive(username, StaffRole.INTAKE);
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

		HttpResponse<String> loginPage = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
		String before = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("KINLINK_SESSION"))
			.map(HttpCookie::getValue).findFirst().orElse("none");
		String token = Jsoup.parse(loginPage.body()).selectFirst("input[name=_csrf]").val();
		HttpResponse<String> signedIn = http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
					+ "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login/factor"));
		String sessionCookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("KINLINK_SESSION=")).findFirst().orElseThrow();
		assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Strict");
		HttpCookie session = HttpCookie.parse(sessionCookie).get(0);
		assertThat(session.getValue()).as("at least 128 bits").hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(before);

		// the second factor, enrolled at this first sign-in as a person would: the key read off the page
		HttpResponse<String> enrolment = http.send(request("/login/factor/enrol").build(), HttpResponse.BodyHandlers.ofString());
		var page = Jsoup.parse(enrolment.body());
		byte[] secret = Totp.fromBase32(page.selectFirst("#secret").text());
		assertThat(page.selectFirst("img[src^=data:image/png;base64,]")).as("the QR code is drawn by Kinlink").isNotNull();
		String code = Totp.code(secret, Totp.step(clock.instant()));
		HttpResponse<String> enrolled = http.send(request("/login/factor/enrol").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("code=" + code + "&_csrf="
					+ URLEncoder.encode(page.selectFirst("form[action='/login/factor/enrol'] input[name=_csrf]").val(), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(enrolled.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff/account/factor"));
		String renewed = enrolled.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("KINLINK_SESSION=")).findFirst().orElseThrow();
		assertThat(HttpCookie.parse(renewed).get(0).getValue()).as("a new session id after the second factor").isNotEqualTo(session.getValue());

		HttpResponse<String> refused = http.send(request("/staff/users").header("Accept-Language", "fa").header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("شما اجازهٔ این کار را ندارید.").contains("dir=\"rtl\"");
		assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

}
