package org.kinlink.accounts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.StaffRole;
import org.kinlink.security.RouteInventory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * S18 over every route and method the application maps (from every handler mapping: controllers, actuator,
 * error controller, static files; an unclassified route fails), anonymously, as a staff member with every role
 * and with OPTIONS; over error answers (400, 403, 404, 405) and static files; plus what only the real server
 * shows: no banners, no TRACE, actuator limited to health.
 */
@AccountsWebTest
class SecurityHeadersTests {

	private static final String[] EVERY_ROLE = java.util.Arrays.stream(StaffRole.values()).map(Enum::name).toArray(String[]::new);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void everyRouteAndMethodAnswersWithTheSecurityHeadersAndNeverA500() throws Exception {
		assertThat(RouteInventory.unclassified(context)).as("routes mapped but not in the route inventory").isEmpty();
		Set<String> routes = RouteInventory.mapped(context);
		assertThat(routes).contains("GET /login", "GET /activate", "GET /staff", "GET /staff/users/{id}", "GET /staff/audit",
				"GET /staff/users", "GET /actuator/health", "RESOURCE /**");
		List<String> problems = new ArrayList<>();
		for (String route : routes) {
			String path = concrete(RouteInventory.pattern(route));
			for (String method : RouteInventory.methods(route)) {
				check(problems, "anonymous " + method + " " + path, request(HttpMethod.valueOf(method), path).with(csrf()), true);
				check(problems, "staff " + method + " " + path,
						request(HttpMethod.valueOf(method), path).with(csrf()).with(user("headers-staff").roles(EVERY_ROLE)), true);
				check(problems, "staff fa " + method + " " + path, request(HttpMethod.valueOf(method), path).with(csrf())
					.header("Accept-Language", "fa")
					.with(user("headers-staff").roles(EVERY_ROLE)), true);
				check(problems, "OPTIONS " + path, request(HttpMethod.OPTIONS, path), true);
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void errorAnswersAndStaticFilesCarryTheHeadersToo() throws Exception {
		List<String> problems = new ArrayList<>();
		expectStatus(problems, "302 unknown page outside /staff, anonymous (sent to sign in)", get("/no/such/page"), 302);
		expectStatus(problems, "404 unknown staff page", get("/staff/no/such/page").with(user("h").roles(EVERY_ROLE)), 404);
		expectStatus(problems, "404 unknown record", get("/staff/users/" + UUID.randomUUID()).with(user("h").roles("ADMIN")), 404);
		expectStatus(problems, "403 wrong role", get("/staff/users").with(user("h").roles("INTAKE")), 403);
		expectStatus(problems, "403 no CSRF token", post("/logout").with(user("h").roles("INTAKE")), 403);
		expectStatus(problems, "405 wrong method", put("/login").with(csrf()), 405);
		expectStatus(problems, "405 wrong method, signed in", delete("/staff").with(csrf()).with(user("h").roles(EVERY_ROLE)), 405);
		expectStatus(problems, "400 malformed id", get("/staff/users/not-a-uuid").with(user("h").roles("ADMIN")), 400);
		expectStatus(problems, "400 API problem", post("/api/v1/portal/status").contentType(MediaType.APPLICATION_JSON).content("{"), 400);
		for (String file : List.of("/css/kinlink.css", "/js/portal-uploads.js", "/js/translation-editor.js")) {
			MockHttpServletResponse response = mvc.perform(get(file)).andReturn().getResponse();
			if (response.getStatus() != 200) {
				problems.add(file + ": status " + response.getStatus());
			}
			headers(problems, file, response, false);
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theRealServerShowsNoBannerRefusesTraceAndExposesOnlyHealth() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String path : List.of("/login", "/no/such/page", "/staff")) {
			HttpResponse<String> response = send(http, "GET", path);
			assertThat(response.headers().firstValue("Server")).as("Server on %s", path).isEmpty();
			assertThat(response.headers().firstValue("X-Powered-By")).as("X-Powered-By on %s", path).isEmpty();
			assertThat(response.statusCode()).isLessThan(500);
		}
		for (String path : List.of("/", "/login", "/staff", "/actuator/health")) {
			assertThat(send(http, "TRACE", path).statusCode()).as("TRACE %s", path).isIn(403, 405);
		}
		HttpResponse<String> health = send(http, "GET", "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"UP\"").doesNotContain("components", "details");
		for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/info", "/actuator/metrics",
				"/actuator/heapdump", "/actuator/loggers", "/actuator/mappings")) {
			assertThat(send(http, "GET", path).statusCode()).as("GET %s", path).isNotEqualTo(200);
		}
	}

	@Test
	void actuatorEndpointsOtherThanHealthAreClosedToStaffToo() throws Exception {
		for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/info")) {
			int status = mvc.perform(get(path).with(user("nosy").roles(EVERY_ROLE))).andReturn().getResponse().getStatus();
			assertThat(status).as(path).isNotEqualTo(200);
		}
	}

	private void check(List<String> problems, String label, MockHttpServletRequestBuilder request, boolean noStore)
			throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		if (response.getStatus() >= 500) {
			problems.add(label + ": status " + response.getStatus());
		}
		headers(problems, label, response, noStore && !label.contains(" /css/") && !label.contains(" /js/"));
	}

	private void expectStatus(List<String> problems, String label, MockHttpServletRequestBuilder request, int status)
			throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		if (response.getStatus() != status) {
			problems.add(label + ": status " + response.getStatus() + " instead of " + status);
		}
		headers(problems, label, response, true);
	}

	/** S18's headers; no-store on everything but the versioned static files (S12). */
	private static void headers(List<String> problems, String label, MockHttpServletResponse response, boolean noStore) {
		String csp = response.getHeader("Content-Security-Policy");
		if (csp == null || csp.contains("unsafe-inline") || !csp.contains("frame-ancestors 'none'")) {
			problems.add(label + ": CSP " + csp);
		}
		expect(problems, label, response, "X-Content-Type-Options", "nosniff");
		expect(problems, label, response, "Referrer-Policy", "no-referrer");
		expect(problems, label, response, "X-Frame-Options", "DENY");
		String cache = response.getHeader("Cache-Control");
		if (noStore && (cache == null || !cache.contains("no-store"))) {
			problems.add(label + ": Cache-Control " + cache);
		}
		for (String banner : List.of("Server", "X-Powered-By")) {
			if (response.getHeader(banner) != null) {
				problems.add(label + ": " + banner);
			}
		}
	}

	private static void expect(List<String> problems, String label, MockHttpServletResponse response, String name,
			String value) {
		if (!value.equals(response.getHeader(name))) {
			problems.add(label + ": " + name + " " + response.getHeader(name));
		}
	}

	/** A concrete path for a pattern: every variable a random UUID, every wildcard a plain segment. */
	private static String concrete(String pattern) {
		Matcher variables = java.util.regex.Pattern.compile("\\{[^}]+\\}").matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variables.find()) {
			variables.appendReplacement(path, UUID.randomUUID().toString());
		}
		variables.appendTail(path);
		return path.toString().replace("/**", "/x").replace("*", "x");
	}

	private HttpResponse<String> send(HttpClient http, String method, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
