package org.kinlink.security;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinlink.accounts.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * S13, the authorisation matrix: every route the application maps is listed here with the roles that may use
 * it (a route missing from the list fails the build, so a new route must be classified), and every staff route
 * is tried by every role and by an anonymous visitor. A role without the right gets 403; a role with it gets,
 * on another team's case, 404 (the case is not confirmed to exist) and on records of other modules, which are
 * not team-scoped, "not found" for an id that does not exist, never a page and never a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTests {

	private static final Set<StaffRole> EVERYONE = EnumSet.allOf(StaffRole.class);

	private static final Set<StaffRole> ADMIN = EnumSet.of(StaffRole.ADMIN);

	private static final Set<StaffRole> AUDITOR = EnumSet.of(StaffRole.AUDITOR);

	private static final Set<StaffRole> LIAISON = EnumSet.of(StaffRole.LIAISON);

	private static final Set<StaffRole> LIAISON_REVIEWER = EnumSet.of(StaffRole.LIAISON, StaffRole.REVIEWER);

	private static final Set<StaffRole> INTAKE = EnumSet.of(StaffRole.INTAKE);

	private static final Set<StaffRole> INBOX = EnumSet.of(StaffRole.INTAKE, StaffRole.REVIEWER);

	private static final Set<StaffRole> MEDIA = EnumSet.of(StaffRole.INTAKE, StaffRole.REVIEWER, StaffRole.ADMIN);

	private static final Set<StaffRole> TRANSLATOR = EnumSet.of(StaffRole.TRANSLATOR);

	private static final Set<StaffRole> REVIEWER = EnumSet.of(StaffRole.REVIEWER);

	private static final Set<StaffRole> TRANSLATION = EnumSet.of(StaffRole.TRANSLATOR, StaffRole.REVIEWER);

	private static final Set<StaffRole> CASES = EnumSet.of(StaffRole.CASEWORKER, StaffRole.SUPERVISOR);

	private static final Set<StaffRole> TRACING = EnumSet.of(StaffRole.INTAKE, StaffRole.CASEWORKER, StaffRole.SUPERVISOR);

	private static final Set<StaffRole> REPORTS = EnumSet.of(StaffRole.SUPERVISOR, StaffRole.ADMIN);

	/** Casework, tracing and reports (issue #4): translators, liaison, intake (but for tracing) never see cases. */
	static final Map<String, Set<StaffRole>> CASEWORK_ROUTES = Map.ofEntries(
			entry("GET /staff/cases", CASES), entry("GET /staff/cases/home", CASES),
			entry("GET /staff/cases/departures/new", CASES), entry("POST /staff/cases/departures", CASES),
			entry("GET /staff/cases/templates", ADMIN), entry("GET /staff/cases/templates/{kind}", ADMIN),
			entry("POST /staff/cases/templates/{kind}", ADMIN),
			entry("GET /staff/cases/{id}", CASES), entry("POST /staff/cases/{id}/assessment", CASES),
			entry("POST /staff/cases/{id}/needs", CASES), entry("POST /staff/cases/{id}/restricted", CASES),
			entry("POST /staff/cases/{id}/assign", EnumSet.of(StaffRole.SUPERVISOR)), entry("POST /staff/cases/{id}/close", CASES),
			entry("POST /staff/cases/{id}/reopen", CASES), entry("POST /staff/cases/{id}/tasks/{taskId}/done", CASES),
			entry("GET /staff/cases/{caseId}/consent", CASES), entry("POST /staff/cases/{caseId}/consent", CASES),
			entry("POST /staff/cases/{caseId}/consent/{basisId}/withdraw", CASES),
			entry("GET /staff/cases/{caseId}/messages", CASES), entry("GET /staff/cases/{caseId}/messages/{messageId}", CASES),
			entry("POST /staff/cases/{caseId}/messages/{messageId}/deliver", CASES),
			entry("POST /staff/cases/{caseId}/messages/{messageId}/answer", CASES),
			entry("GET /staff/cases/{caseId}/services", CASES), entry("POST /staff/cases/{caseId}/services", CASES),
			entry("GET /staff/cases/{caseId}/services/new", CASES), entry("GET /staff/cases/{caseId}/services/{serviceId}/edit", CASES),
			entry("POST /staff/cases/{caseId}/services/{serviceId}", CASES),
			entry("GET /staff/cases/{caseId}/employment", CASES), entry("POST /staff/cases/{caseId}/employment", CASES),
			entry("GET /staff/cases/{caseId}/employment/new", CASES),
			entry("GET /staff/cases/{caseId}/followups", CASES), entry("POST /staff/cases/{caseId}/followups", CASES),
			entry("GET /staff/cases/{caseId}/followups/new", CASES),
			entry("GET /staff/cases/{caseId}/followups/{followUpId}/done", CASES),
			entry("POST /staff/cases/{caseId}/followups/{followUpId}/done", CASES),
			entry("GET /staff/cases/{caseId}/notes", CASES), entry("POST /staff/cases/{caseId}/notes", CASES),
			entry("GET /staff/tracing", TRACING), entry("POST /staff/tracing", TRACING), entry("GET /staff/tracing/new", TRACING),
			entry("GET /staff/tracing/{id}", TRACING), entry("POST /staff/tracing/{id}/answer", TRACING),
			entry("POST /staff/tracing/{id}/close", TRACING), entry("POST /staff/tracing/{id}/link", TRACING),
			entry("POST /staff/tracing/{id}/person", TRACING),
			entry("GET /staff/reports", REPORTS), entry("GET /staff/reports/export.csv", REPORTS),
			entry("GET /staff/reports/export.xlsx", REPORTS), entry("POST /staff/users/{id}/team", ADMIN));

	/** Every staff route and who may use it: the specification, written by hand from DESIGN.md's roles. */
	/** Retention (issue #6): the rules are the administrator's; the follow-up list is worked by liaison too. */
	static final Map<String, Set<StaffRole>> RETENTION_ROUTES = Map.ofEntries(
			entry("GET /staff/admin/retention", ADMIN), entry("POST /staff/admin/retention/{category}", ADMIN),
			entry("GET /staff/admin/retention/follow-up", EnumSet.of(StaffRole.ADMIN, StaffRole.LIAISON)),
			entry("POST /staff/admin/retention/follow-up/{id}/asked", EnumSet.of(StaffRole.ADMIN, StaffRole.LIAISON)));

	static final Map<String, Set<StaffRole>> STAFF_ROUTES = merged(merged(CASEWORK_ROUTES, RETENTION_ROUTES), Map.ofEntries(
			entry("GET /staff", EVERYONE),
			entry("GET /staff/account/password", EVERYONE), entry("POST /staff/account/password", EVERYONE),
			entry("GET /staff/account/factor", EVERYONE), entry("POST /staff/account/factor", EVERYONE),
			entry("POST /staff/users/{id}/second-factor/reset", ADMIN),
			entry("GET /staff/audit", AUDITOR), entry("GET /staff/audit/verify", AUDITOR),
			entry("GET /staff/users", ADMIN), entry("POST /staff/users", ADMIN), entry("GET /staff/users/new", ADMIN),
			entry("GET /staff/users/{id}", ADMIN), entry("POST /staff/users/{id}/roles", ADMIN),
			entry("POST /staff/users/{id}/disable", ADMIN), entry("POST /staff/users/{id}/enable", ADMIN),
			entry("POST /staff/users/{id}/reset", ADMIN),
			entry("GET /staff/authorities", LIAISON), entry("POST /staff/authorities", LIAISON),
			entry("GET /staff/authorities/new", LIAISON), entry("GET /staff/authorities/{id}/edit", LIAISON),
			entry("POST /staff/authorities/{id}", LIAISON), entry("POST /staff/authorities/{id}/deactivate", LIAISON),
			entry("GET /staff/media/speech", ADMIN), entry("POST /staff/media/speech", ADMIN),
			entry("GET /staff/media/{fileId}", MEDIA), entry("GET /staff/media/{fileId}/content/{kind}", MEDIA),
			entry("GET /staff/media/{fileId}/transcript", MEDIA), entry("POST /staff/media/{fileId}/transcript", MEDIA),
			entry("POST /staff/media/{fileId}/transcript/approve", MEDIA), entry("POST /staff/media/{fileId}/transcript/cues", MEDIA),
			entry("POST /staff/media/{fileId}/transcript/import", MEDIA), entry("POST /staff/media/{fileId}/transcript/lines", MEDIA),
			entry("POST /staff/media/{fileId}/transcript/reopen", MEDIA),
			entry("GET /staff/messages", INBOX), entry("GET /staff/messages/{id}", INBOX),
			entry("GET /staff/messages/{id}/replies", INBOX), entry("POST /staff/messages/{id}/replies", INBOX),
			entry("POST /staff/messages/{id}/accept", INTAKE), entry("POST /staff/messages/{id}/reject", INTAKE),
			entry("POST /staff/messages/{id}/person", INTAKE), entry("POST /staff/messages/{id}/person/new", INTAKE),
			entry("POST /staff/messages/{id}/person/search", INTAKE),
			entry("GET /staff/people/duplicates", INBOX), entry("POST /staff/people/duplicates/not-same", INBOX),
			entry("GET /staff/referrals", LIAISON_REVIEWER), entry("POST /staff/referrals", LIAISON),
			entry("GET /staff/referrals/new", LIAISON), entry("GET /staff/referrals/overdue", LIAISON_REVIEWER),
			entry("GET /staff/referrals/{id}", LIAISON_REVIEWER), entry("GET /staff/referrals/{id}/packet", LIAISON_REVIEWER),
			entry("POST /staff/referrals/{id}/approve", LIAISON_REVIEWER), entry("POST /staff/referrals/{id}/dispatch", LIAISON),
			entry("POST /staff/referrals/{id}/hand-delivery", LIAISON), entry("POST /staff/referrals/{id}/acknowledge", LIAISON),
			entry("GET /staff/translations", TRANSLATION), entry("GET /staff/translations/{taskId}", TRANSLATION),
			entry("POST /staff/translations/{taskId}", TRANSLATOR), entry("POST /staff/translations/{taskId}/take", TRANSLATOR),
			entry("POST /staff/translations/{taskId}/reviewed", REVIEWER), entry("POST /staff/translations/{taskId}/return", REVIEWER),
			entry("POST /staff/translations/{taskId}/approve", REVIEWER),
			entry("POST /staff/translations/{taskId}/segments/{number}", TRANSLATOR),
			entry("POST /staff/translations/{taskId}/segments/{number}/review", REVIEWER),
			entry("GET /staff/translations/{taskId}/watch", TRANSLATION),
			entry("GET /staff/translations/{taskId}/subtitles.vtt", TRANSLATION),
			entry("GET /staff/translations/{taskId}/subtitles.srt", TRANSLATION),
			entry("GET /staff/translations/{taskId}/media/{kind}", TRANSLATION),
			entry("GET /staff/glossary", TRANSLATION), entry("POST /staff/glossary", REVIEWER),
			entry("GET /staff/glossary/{id}/edit", REVIEWER), entry("POST /staff/glossary/{id}", REVIEWER),
			entry("POST /staff/glossary/{id}/delete", REVIEWER), entry("POST /staff/glossary/import", REVIEWER),
			entry("GET /staff/glossary/export.csv", TRANSLATION), entry("GET /staff/glossary/export.tbx", TRANSLATION),
			entry("POST /staff/translations/{taskId}/machine", TRANSLATOR),
			entry("GET /staff/translations/{taskId}/xliff", TRANSLATOR), entry("POST /staff/translations/{taskId}/xliff", TRANSLATOR),
			entry("GET /staff/admin/translation-engines", ADMIN), entry("GET /staff/admin/translation-engines/{pair}", ADMIN),
			entry("POST /staff/admin/translation-engines/{pair}", ADMIN),
			entry("GET /staff/translations/memory", REVIEWER), entry("GET /staff/translations/memory/export", REVIEWER),
			entry("POST /staff/translations/memory/import", REVIEWER),
			entry("POST /staff/translations/memory/imports/{batchId}/forget", REVIEWER)));

	private static Map<String, Set<StaffRole>> merged(Map<String, Set<StaffRole>> a, Map<String, Set<StaffRole>> b) {
		Map<String, Set<StaffRole>> all = new TreeMap<>(a);
		all.putAll(b);
		return Map.copyOf(all);
	}

	/** Routes anybody may use: the portal, its API, first-run setup, activation, sign-in and the API description. */
	static final Set<String> PUBLIC_ROUTES = Set.of("GET /", "GET /portal/letters", "POST /portal/letters",
			"GET /portal/replies", "POST /portal/replies", "GET /portal/status", "POST /portal/status",
			"GET /portal/tracing", "POST /portal/tracing", "POST /api/v1/portal/tracing", "POST /api/v1/portal/tracing/status",
			"POST /api/v1/portal/letters", "POST /api/v1/portal/replies", "POST /api/v1/portal/status",
			"POST /api/v1/portal/uploads", "PATCH /api/v1/portal/uploads", "HEAD /api/v1/portal/uploads",
			"OPTIONS /api/v1/portal/uploads", "DELETE /api/v1/portal/uploads", "POST /api/v1/portal/uploads/{uploadId}",
			"PATCH /api/v1/portal/uploads/{uploadId}", "HEAD /api/v1/portal/uploads/{uploadId}",
			"OPTIONS /api/v1/portal/uploads/{uploadId}", "DELETE /api/v1/portal/uploads/{uploadId}",
			"GET /referral-downloads/{token}", "GET /setup", "POST /setup", "GET /activate", "POST /activate",
			"GET /login", "GET /logout", "GET /v3/api-docs", "GET /v3/api-docs.yaml",
			// the second sign-in step: outside /staff, it needs a right password first (SecondFactorTests)
			"GET /login/factor", "POST /login/factor", "GET /login/factor/enrol", "POST /login/factor/enrol");

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	/** Filled in by {@link #seedRecords()}: ids of records that belong to another team. */
	private final Map<String, String> otherTeamsRecords = new TreeMap<>();

	@BeforeAll
	void seedRecords() {
		otherTeamsRecords.putAll(OtherTeam.seed(jdbc));
	}

	@Test
	void everyMappedRouteIsClassified() {
		// Every handler mapping of the running application: controllers, the actuator, the error controller and
		// static files; a mapping without a method is "ANY" and must be classified as such.
		assertThat(RouteInventory.unclassified(context)).as("routes mapped but not in the matrix").isEmpty();
		assertThat(RouteInventory.stale(context)).as("routes in the matrix that are not mapped").isEmpty();
		assertThat(STAFF_ROUTES.keySet()).allMatch(route -> route.contains(" /staff"));
		assertThat(PUBLIC_ROUTES).noneMatch(route -> route.contains(" /staff"));
		assertThat(RouteInventory.mapped(context)).as("the inventory sees controllers, actuator and static files")
			.contains("GET /staff", "GET /actuator/health", "RESOURCE /webjars/**");
	}

	@Test
	void publicAndFrameworkRoutesNeverFailAndOnlyHealthAndStaticFilesAnswerOnTheirOwn() throws Exception {
		List<String> wrong = new ArrayList<>();
		Set<String> routes = new TreeSet<>(PUBLIC_ROUTES);
		routes.addAll(RouteInventory.FRAMEWORK_ROUTES);
		for (String route : routes) {
			for (String method : RouteInventory.methods(route)) {
				String path = path(method + " " + RouteInventory.pattern(route)).replace("/**", "/x");
				int anonymous = mvc.perform(request(HttpMethod.valueOf(method), path).with(csrf())).andReturn().getResponse().getStatus();
				if (anonymous >= 500) {
					wrong.add(method + " " + path + " anonymous -> " + anonymous);
				}
				for (StaffRole role : StaffRole.values()) {
					int status = perform(method + " " + path, role);
					if (status >= 500) {
						wrong.add(method + " " + path + " as " + role + " -> " + status);
					}
				}
			}
		}
		for (String closed : List.of("/error", "/actuator", "/actuator/env", "/actuator/beans", "/actuator/mappings",
				"/actuator/sessions", "/actuator/heapdump")) {
			int anonymous = mvc.perform(request(HttpMethod.GET, closed)).andReturn().getResponse().getStatus();
			if (anonymous == 200) {
				wrong.add("GET " + closed + " anonymous -> 200");
			}
			for (StaffRole role : StaffRole.values()) {
				int status = perform("GET " + closed, role);
				if (status == 200) {
					wrong.add("GET " + closed + " as " + role + " -> 200");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyStaffRouteRefusesEveryRoleWithoutTheRight() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (var route : STAFF_ROUTES.entrySet()) {
			for (StaffRole role : StaffRole.values()) {
				if (route.getValue().contains(role)) {
					continue;
				}
				int status = perform(route.getKey(), role);
				if (status != 403) {
					wrong.add(route.getKey() + " as " + role + " -> " + status);
				}
			}
		}
		assertThat(wrong).as("expected 403").isEmpty();
	}

	@Test
	void rolesWithTheRightFindNothingOfAnotherTeamsOrAnUnknownRecord() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (var route : STAFF_ROUTES.entrySet()) {
			boolean record = VARIABLE.matcher(route.getKey()).find();
			for (StaffRole role : route.getValue()) {
				int status = perform(route.getKey(), role);
				boolean fine = record ? status == 404 || status == 403 || route.getKey().startsWith("POST") && status == 400
						: status != 403 && status < 500;
				if (!fine) {
					wrong.add(route.getKey() + " as " + role + " -> " + status);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (String route : STAFF_ROUTES.keySet()) {
			var result = mvc.perform(request(HttpMethod.valueOf(method(route)), path(route)).with(csrf())).andReturn();
			String location = result.getResponse().getRedirectedUrl();
			if (result.getResponse().getStatus() != 302 || location == null || !location.endsWith("/login")) {
				wrong.add(route + " -> " + result.getResponse().getStatus() + " " + location);
			}
		}
		assertThat(wrong).isEmpty();
	}

	private int perform(String route, StaffRole role) throws Exception {
		return mvc.perform(request(HttpMethod.valueOf(method(route)), path(route))
			.with(user("matrix-" + role.name().toLowerCase()).roles(role.name()))
			.with(csrf())).andReturn().getResponse().getStatus();
	}

	private static String method(String route) {
		return route.substring(0, route.indexOf(' '));
	}

	/** The route with its variables filled: another team's record where there is one, else an unknown id. */
	private String path(String route) {
		String pattern = route.substring(route.indexOf(' ') + 1);
		Matcher m = VARIABLE.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = otherTeamsRecords.getOrDefault(pattern.substring(0, m.start()) + m.group(1),
					m.group(1).equals("kind") ? "working" : UUID.randomUUID().toString());
			m.appendReplacement(out, value);
		}
		m.appendTail(out);
		return out.toString();
	}

}
