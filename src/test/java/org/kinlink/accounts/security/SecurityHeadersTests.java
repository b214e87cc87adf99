package org.kinlink.accounts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * S18 over every GET route the application has (taken from the handler mappings, so new modules' routes are
 * covered without touching this test), anonymously and as a staff member with every role; plus what only
 * the real server shows: no banners, no TRACE, actuator limited to health.
 */
@AccountsWebTest
class SecurityHeadersTests {

	private static final String[] EVERY_ROLE = java.util.Arrays.stream(StaffRole.values()).map(Enum::name).toArray(String[]::new);

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@LocalServerPort
	int port;

	@Test
	void everyGetRouteAnswersWithTheSecurityHeadersAndNeverA500() throws Exception {
		Set<String> paths = getRoutes();
		assertThat(paths).contains("/login", "/activate", "/staff", "/staff/users", "/staff/users/" + "{id}", "/staff/audit");
		List<String> problems = new ArrayList<>();
		for (String pattern : paths) {
			String path = concrete(pattern);
			check(problems, "anonymous " + path, get(path));
			check(problems, "staff " + path, get(path).with(user("headers-staff").roles(EVERY_ROLE)));
			check(problems, "staff fa " + path, get(path).header("Accept-Language", "fa").with(user("headers-staff").roles(EVERY_ROLE)));
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

	private void check(List<String> problems, String label, MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		String csp = response.getHeader("Content-Security-Policy");
		if (response.getStatus() >= 500) {
			problems.add(label + ": status " + response.getStatus());
		}
		if (csp == null || csp.contains("unsafe-inline") || !csp.contains("frame-ancestors 'none'")) {
			problems.add(label + ": CSP " + csp);
		}
		expect(problems, label, response, "X-Content-Type-Options", "nosniff");
		expect(problems, label, response, "Referrer-Policy", "no-referrer");
		String cache = response.getHeader("Cache-Control");
		if (cache == null || !cache.contains("no-store")) {
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

	private Set<String> getRoutes() {
		Set<String> paths = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				paths.addAll(info.getPatternValues());
			}
		}
		return paths;
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
