package org.kinlink.accounts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinlink.accounts.StaffFixture.PASSWORD;
import static org.kinlink.accounts.StaffFixture.SECOND_STEP;
import static org.kinlink.accounts.StaffFixture.loginRequest;
import static org.kinlink.accounts.StaffFixture.newAddress;
import static org.kinlink.accounts.StaffFixture.newUsername;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.MovableClock;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffRole;
import org.kinlink.accounts.StaffSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Staff sign-in (S8, S11, S12): audited, throttled with a lockout that ends, and unknown users answered alike. */
@AccountsWebTest
class LoginTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void signsInWithANewSessionIdAndAuditsTheSuccess() throws Exception {
		String username = newUsername("login.ok");
		UUID id = new StaffFixture(mvc).createActive(username, StaffRole.INTAKE);
		StaffSession before = StaffSession.from(mvc.perform(get("/staff")).andExpect(redirectedUrl("/login")).andReturn())
			.orElseThrow();
		assertThat(before.isStored(jdbc)).isTrue();

		MvcResult result = mvc.perform(loginRequest(username, PASSWORD, newAddress()).with(before))
			.andExpect(redirectedUrl(SECOND_STEP))
			.andReturn();

		StaffSession after = StaffSession.from(result).orElseThrow().following();
		assertThat(after.id()).isNotEqualTo(before.id());
		assertThat(before.isStored(jdbc)).as("the session from before sign-in is gone from the database").isFalse();
		assertThat(after.isStored(jdbc)).isTrue();
		assertThat(Base64.getUrlDecoder().decode(after.id())).as("random bytes in the id").hasSize(27);
		mvc.perform(get("/staff").with(after)).andExpect(redirectedUrl(SECOND_STEP));
		String passwordOnlyId = after.id();
		new StaffFixture(mvc).giveSecondFactor(username, after);
		assertThat(after.id()).as("a new session id after the second factor too").isNotEqualTo(passwordOnlyId);
		assertThat(after.isStored(jdbc)).isTrue();
		mvc.perform(get("/staff").with(after)).andExpect(status().isOk());
		mvc.perform(get("/staff").with(before)).andExpect(redirectedUrl("/login"));
		assertThat(lastEntry("login.success", id.toString())).containsEntry("actor", username)
			.containsEntry("outcome", "SUCCESS");
	}

	@Test
	void aWrongPasswordGetsTheGenericMessageAndIsAuditedWithoutThePassword() throws Exception {
		String username = newUsername("login.wrong");
		UUID id = new StaffFixture(mvc).createActive(username, StaffRole.INTAKE);
		String wrong = "Wrong-" + UUID.randomUUID();

		mvc.perform(loginRequest(username, wrong, newAddress())).andExpect(redirectedUrl("/login?error"));

		assertThat(lastEntry("login.failure", id.toString())).containsEntry("actor", username)
			.containsEntry("outcome", "FAILURE")
			.containsEntry("detail", "bad-credentials");
		assertThat(jdbc.sql("select count(*) from audit.entry where concat_ws('|', actor, origin, action, record_id, detail) like ?")
			.param("%" + wrong + "%")
			.query(Long.class)
			.single()).isZero();
		mvc.perform(get("/login?error").header("Accept-Language", "fa"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("ورود ناموفق بود")));
	}

	@Test
	void anUnknownUserIsAnsweredLikeAKnownOneAndCostsTheSameHashing() throws Exception {
		String known = newUsername("login.known");
		new StaffFixture(mvc).createActive(known, StaffRole.INTAKE);
		String unknown = newUsername("login.nobody");
		BoundedPasswordEncoder bounded = (BoundedPasswordEncoder) passwords;

		long hashesBefore = bounded.completed();
		MvcResult knownAnswer = mvc.perform(loginRequest(known, "not the password", newAddress())).andReturn();
		long knownHashes = bounded.completed() - hashesBefore;
		hashesBefore = bounded.completed();
		MvcResult unknownAnswer = mvc.perform(loginRequest(unknown, "not the password", newAddress())).andReturn();
		long unknownHashes = bounded.completed() - hashesBefore;

		assertThat(unknownAnswer.getResponse().getStatus()).isEqualTo(knownAnswer.getResponse().getStatus());
		assertThat(unknownAnswer.getResponse().getRedirectedUrl()).isEqualTo(knownAnswer.getResponse().getRedirectedUrl());
		assertThat(unknownAnswer.getResponse().getHeaderNames()).isEqualTo(knownAnswer.getResponse().getHeaderNames());
		assertThat(StaffSession.from(unknownAnswer)).as("no session for a failed sign-in").isEmpty();
		assertThat(StaffSession.from(knownAnswer)).isEmpty();
		assertThat(unknownHashes).isEqualTo(knownHashes).isEqualTo(1);
		assertThat(jdbc.sql("select actor from audit.entry where action = 'login.failure' order by sequence desc limit 1")
			.query(String.class)
			.single()).isEqualTo("unknown");
	}

	@Test
	void fiveFailuresLockTheAccountUntilTheLockoutEndsByItself() throws Exception {
		String username = newUsername("login.locked");
		UUID id = new StaffFixture(mvc).createActive(username, StaffRole.INTAKE);
		for (int i = 0; i < 5; i++) {
			mvc.perform(loginRequest(username, "guess " + i, newAddress())).andExpect(redirectedUrl("/login?error"));
		}

		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
		assertThat(lastEntry("login.failure", id.toString())).containsEntry("detail", "throttled");

		clock.advance(Duration.ofMinutes(14));
		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
		clock.advance(Duration.ofMinutes(1));
		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl(SECOND_STEP));
	}

	@Test
	void aClientTryingManyNamesIsLockedForEveryAccount() throws Exception {
		String username = newUsername("login.victim");
		new StaffFixture(mvc).createActive(username, StaffRole.INTAKE);
		String attacker = newAddress();
		for (int i = 0; i < 5; i++) {
			mvc.perform(loginRequest(newUsername("guess"), "guess", attacker)).andExpect(redirectedUrl("/login?error"));
		}

		mvc.perform(loginRequest(username, PASSWORD, attacker)).andExpect(redirectedUrl("/login?error"));
		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl(SECOND_STEP));
	}

	@Test
	void aDisabledAccountCannotSignIn() throws Exception {
		String username = newUsername("login.disabled");
		StaffFixture staff = new StaffFixture(mvc);
		UUID id = staff.createActive(username, StaffRole.INTAKE);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/staff/users/" + id + "/disable")
			.with(StaffFixture.someAdmin())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().is3xxRedirection());

		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
		assertThat(lastEntry("login.failure", id.toString())).containsEntry("detail", "disabled");
	}

	@Test
	void anAccountAwaitingActivationCannotSignIn() throws Exception {
		String username = newUsername("login.pending");
		new StaffFixture(mvc).create(username, StaffRole.INTAKE);

		mvc.perform(loginRequest(username, "", newAddress())).andExpect(redirectedUrl("/login?error"));
		mvc.perform(loginRequest(username, "null", newAddress())).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aPasswordTypedWithArabicLetterFormsMatchesThePersianOne() throws Exception {
		String username = newUsername("login.persian");
		StaffFixture staff = new StaffFixture(mvc);
		StaffFixture.Created created = staff.create(username, StaffRole.TRANSLATOR);
		staff.activate(username, created.code(), "کلید خانه ی ما ۱۴۰۳");

		mvc.perform(loginRequest(username, "\u0643\u0644\u064A\u062F خانه \u064A ما ۱۴۰۳ ", newAddress()))
			.andExpect(redirectedUrl(SECOND_STEP));
	}

	@Test
	void anOverlongPasswordIsRefusedLikeAnyWrongOne() throws Exception {
		String username = newUsername("login.long");
		new StaffFixture(mvc).createActive(username, StaffRole.INTAKE);

		mvc.perform(loginRequest(username, PASSWORD + "x".repeat(5000), newAddress())).andExpect(redirectedUrl("/login?error"));
		mvc.perform(loginRequest("x".repeat(500), PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
	}

	private Map<String, Object> lastEntry(String action, String recordId) {
		return jdbc.sql("select actor, outcome, detail, origin from audit.entry where action = ? and record_id = ? order by sequence desc limit 1")
			.params(action, recordId)
			.query()
			.singleRow();
	}

}
