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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import javax.sql.DataSource;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.MovableClock;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffRole;
import org.kinlink.accounts.StaffSession;
import org.kinlink.accounts.users.SignedInSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * S12 with sessions in the database: 30 minutes idle (the application's rule on the injected clock, and Spring
 * Session's own expiry on the stored times), 12 hours in all, sign-out only by POST with CSRF and deleting the
 * row, an id the server did not issue refused, and a session shared by two nodes on one database.
 */
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

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcIndexedSessionRepository sessions;

	/** A second Kinlink node's session store: its own repository on the same database. */
	JdbcIndexedSessionRepository otherNode;

	@BeforeEach
	void startOtherNode() {
		otherNode = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		otherNode.setTableName(environment.getRequiredProperty("spring.session.jdbc.table-name"));
		otherNode.setCleanupCron("-");
		otherNode.afterPropertiesSet();
	}

	@AfterEach
	void stopOtherNode() {
		otherNode.destroy();
	}

	@Test
	void aSessionIdleForThirtyMinutesEndsAndItsRowIsDeleted() throws Exception {
		StaffSession session = signedIn("session.idle");

		clock.advance(Duration.ofMinutes(29));
		mvc.perform(get("/staff").with(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(29));
		mvc.perform(get("/staff").with(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(30));
		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login?expired"));

		assertThat(session.isStored(jdbc)).isFalse();
		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void springSessionItselfRefusesARowIdleForThirtyMinutes() throws Exception {
		StaffSession session = signedIn("session.stored-idle");
		assertThat(jdbc.sql("select max_inactive_interval from accounts.spring_session where session_id = ?")
			.param(session.id())
			.query(Integer.class)
			.single()).isEqualTo(30 * 60);

		ageStoredSession(session, Duration.ofMinutes(29));
		mvc.perform(get("/staff").with(session)).andExpect(status().isOk());
		ageStoredSession(session, Duration.ofMinutes(31));
		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login"));

		assertThat(session.isStored(jdbc)).isFalse();
	}

	@Test
	void theCleanupJobDeletesExpiredRowsOnly() throws Exception {
		StaffSession expired = signedIn("session.cleanup-old");
		StaffSession fresh = signedIn("session.cleanup-new");
		ageStoredSession(expired, Duration.ofMinutes(31));

		sessions.cleanUpExpiredSessions();

		assertThat(expired.isStored(jdbc)).isFalse();
		assertThat(fresh.isStored(jdbc)).isTrue();
		assertThat(environment.getProperty("spring.session.jdbc.cleanup-cron")).isNotBlank();
		assertThat(jdbc.sql("select count(*) from accounts.spring_session_attributes a where not exists "
				+ "(select 1 from accounts.spring_session s where s.primary_id = a.session_primary_id)")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theIdleTimeoutIsThirtyMinutesForTheContainerAndForSpringSession() {
		assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class)).isEqualTo(Duration.ofMinutes(30));
		Session fresh = sessions.createSession();
		assertThat(fresh.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void aBusySessionStillEndsTwelveHoursAfterSignIn() throws Exception {
		StaffSession session = signedIn("session.absolute");

		for (int i = 0; i < 28; i++) {
			clock.advance(Duration.ofMinutes(25));
			mvc.perform(get("/staff").with(session)).andExpect(status().isOk());
		}
		clock.advance(Duration.ofMinutes(20));
		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login?expired"));
		assertThat(session.isStored(jdbc)).isFalse();
	}

	@Test
	void aSessionStartedOnOneNodeIsReadOnAnotherAndEndsEverywhere() throws Exception {
		StaffSession session = signedIn("session.nodes");

		Session there = otherNode.findById(session.id());
		assertThat(there).as("the other node finds the session in the database").isNotNull();
		SecurityContext context = there.getAttribute("SPRING_SECURITY_CONTEXT");
		assertThat(context.getAuthentication().getName()).startsWith("session.nodes");
		SignedInSession signedIn = there.getAttribute(SignedInSession.class.getName());
		assertThat(signedIn.signedInAt()).isEqualTo(clock.instant());

		otherNode.deleteById(session.id());

		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void whatTheOtherNodeWritesThisNodeSees() throws Exception {
		StaffSession session = signedIn("session.nodes-write");
		Session there = otherNode.findById(session.id());
		SignedInSession signedIn = there.getAttribute(SignedInSession.class.getName());
		// The other node saw the session used eleven hours later: this node must now end it at twelve hours.
		there.setAttribute(SignedInSession.class.getName(), new SignedInSession(signedIn.userId(), signedIn.stamp(),
				signedIn.signedInAt().minus(Duration.ofHours(11)), signedIn.lastSeenAt()));
		saveOnOtherNode(there);

		clock.advance(Duration.ofMinutes(25));
		mvc.perform(get("/staff").with(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(25));
		mvc.perform(get("/staff").with(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(25));
		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void everySessionAttributeIsSerializableAndReadBack() throws Exception {
		StaffSession session = signedIn("session.serial");
		mvc.perform(get("/staff/account/password").with(session)).andExpect(status().isOk());

		Session there = otherNode.findById(session.id());
		assertThat(there.getAttributeNames()).isNotEmpty().contains("SPRING_SECURITY_CONTEXT", SignedInSession.class.getName());
		for (String name : there.getAttributeNames()) {
			Object value = there.getAttribute(name);
			assertThat(value).as(name).isInstanceOf(java.io.Serializable.class);
		}
	}

	@Test
	void aSessionIdTheServerDidNotIssueIsRefusedAndNotAdopted() throws Exception {
		String invented = UUID.randomUUID().toString();
		StaffSession forged = new StaffSession(Base64.getEncoder().encodeToString(invented.getBytes(StandardCharsets.US_ASCII)));

		var result = mvc.perform(get("/staff").with(forged)).andExpect(redirectedUrl("/login")).andReturn();

		assertThat(forged.isStored(jdbc)).isFalse();
		StaffSession.from(result).ifPresent(issued -> assertThat(issued.id()).isNotEqualTo(invented));
		mvc.perform(get("/staff").with(new StaffSession("not base64 at all!"))).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aGetOfLogoutOnlyOffersTheButton() throws Exception {
		StaffSession session = signedIn("session.get");

		mvc.perform(get("/logout").with(session)).andExpect(status().isOk());

		assertThat(session.isStored(jdbc)).isTrue();
		mvc.perform(get("/staff").with(session)).andExpect(status().isOk());
	}

	@Test
	void aLogoutWithoutCsrfTokenIsRefusedAndAudited() throws Exception {
		StaffSession session = signedIn("session.nocsrf");

		mvc.perform(post("/logout").with(session)).andExpect(status().isForbidden());

		assertThat(session.isStored(jdbc)).isTrue();
		mvc.perform(get("/staff").with(session)).andExpect(status().isOk());
		assertThat(jdbc.sql("select detail from audit.entry where action = 'access.denied' and record_id = 'POST /logout' order by sequence desc limit 1")
			.query(String.class)
			.single()).isEqualTo("csrf");
	}

	@Test
	void logoutDeletesTheSessionRowAndClearsSiteData() throws Exception {
		String username = newUsername("session.logout");
		UUID id = new StaffFixture(mvc).createActive(username, StaffRole.REVIEWER);
		StaffSession session = new StaffFixture(mvc).login(username, PASSWORD);
		assertThat(session.isStored(jdbc)).isTrue();

		mvc.perform(post("/logout").with(session).with(csrf()).header("Accept-Language", "sq"))
			.andExpect(redirectedUrl("/login?loggedOut&lang=sq"))
			.andExpect(header().string("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\""))
			.andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));

		assertThat(session.isStored(jdbc)).isFalse();
		assertThat(otherNode.findById(session.id())).isNull();
		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login"));
		assertThat(jdbc.sql("select actor from audit.entry where action = 'logout' and record_id = ?")
			.param(id.toString())
			.query(String.class)
			.single()).isEqualTo(username);
	}

	@Test
	void disablingAnAccountEndsItsOpenSessions() throws Exception {
		String username = newUsername("session.disabled");
		UUID id = new StaffFixture(mvc).createActive(username, StaffRole.CASEWORKER);
		StaffSession session = new StaffFixture(mvc).login(username, PASSWORD);
		mvc.perform(get("/staff").with(session)).andExpect(status().isOk());

		mvc.perform(post("/staff/users/" + id + "/disable").with(StaffFixture.someAdmin()).with(csrf()))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login?expired"));
		assertThat(session.isStored(jdbc)).isFalse();
	}

	@Test
	void everyAnswerSaysNoStore() throws Exception {
		StaffSession session = signedIn("session.nostore");
		for (var request : new org.springframework.test.web.servlet.RequestBuilder[] { get("/login"), get("/activate"),
				get("/staff").with(session), get("/staff/account/password").with(session),
				get("/staff/users").with(session), get("/no/such/page") }) {
			mvc.perform(request).andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
		}
	}

	/** JdbcSession is not public: the other node saves through the plain repository interface. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void saveOnOtherNode(Session session) {
		((org.springframework.session.SessionRepository) otherNode).save(session);
	}

	private StaffSession signedIn(String prefix) throws Exception {
		String username = newUsername(prefix);
		new StaffFixture(mvc).createActive(username, StaffRole.INTAKE);
		// fixed: these tests follow one session id to its end, not the new one a browser would be given
		return new StaffFixture(mvc).login(username, PASSWORD).fixed();
	}

	/** Moves the stored times back, as if the session had last been used {@code idle} ago (Spring Session's clock). */
	private void ageStoredSession(StaffSession session, Duration idle) {
		jdbc.sql("""
				update accounts.spring_session
				set last_access_time = ? - ?, expiry_time = ? - ? + max_inactive_interval * 1000::bigint
				where session_id = ?""")
			.params(System.currentTimeMillis(), idle.toMillis(), System.currentTimeMillis(), idle.toMillis(), session.id())
			.update();
	}

}
