package org.kinlink.accounts.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.kinlink.accounts.StaffFixture.PASSWORD;
import static org.kinlink.accounts.StaffFixture.SECOND_STEP;
import static org.kinlink.accounts.StaffFixture.from;
import static org.kinlink.accounts.StaffFixture.newAddress;
import static org.kinlink.accounts.StaffFixture.newUsername;
import static org.kinlink.accounts.StaffFixture.someAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.MovableClock;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffSession;
import org.kinlink.accounts.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * S9 and S10 through the real sign-in form: enrolment at the first sign-in, single-use codes within one step
 * either side, recovery codes, throttling, self-service only after re-authentication and only for oneself,
 * and the administrator's reset. Time comes from the movable clock.
 */
@AccountsWebTest
class SecondFactorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Test
	void theFirstSignInEnrolsASealedSecretAndTenHashedRecoveryCodes() throws Exception {
		String username = newUsername("factor.enrol");
		StaffFixture staff = new StaffFixture(mvc);
		UUID id = staff.createActive(username, StaffRole.INTAKE);
		StaffSession session = staff.loginPasswordOnly(username, PASSWORD);

		mvc.perform(get(SECOND_STEP).with(session)).andExpect(redirectedUrl(SECOND_STEP + "/enrol"));
		mvc.perform(get(SECOND_STEP + "/enrol").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("src=\"data:image/png;base64,")))
			.andExpect(content().string(not(containsString("<script>"))));
		staff.giveSecondFactor(username, session);
		mvc.perform(get("/staff").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/staff/account/factor\"")));

		byte[] secret = StaffFixture.secret(username);
		byte[] stored = jdbc.sql("select secret from accounts.second_factor where user_id = ? and confirmed").param(id)
			.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(new String(secret, StandardCharsets.ISO_8859_1))
			.doesNotContain(Totp.base32(secret));
		String recovery = StaffFixture.recoveryCode(username);
		List<String> hashes = jdbc.sql("select code_hash from accounts.recovery_code where user_id = ?").param(id)
			.query(String.class).list();
		assertThat(hashes).hasSize(10).noneMatch(h -> h.contains(recovery) || h.contains(recovery.replace("-", "")));
		assertThat(lastEntry("account.second-factor-enrolled", id)).containsEntry("outcome", "SUCCESS").containsEntry("actor", username);
		assertThat(auditText(id)).doesNotContain(recovery).doesNotContain(Totp.base32(secret));
	}

	@Test
	void aCodeWorksOnceEvenWithinItsWindow() throws Exception {
		String username = enrolled("factor.reuse");
		StaffFixture staff = new StaffFixture(mvc);
		UUID id = idOf(username);
		String code = staff.nextCode(username);
		StaffSession first = staff.loginPasswordOnly(username, PASSWORD);
		mvc.perform(code(first, code)).andExpect(redirectedUrl("/staff"));

		StaffSession second = staff.loginPasswordOnly(username, PASSWORD);
		mvc.perform(code(second, code)).andExpect(status().isOk()).andExpect(view().name(SecondFactorController.CODE_VIEW));

		mvc.perform(get("/staff").with(second)).andExpect(redirectedUrl(SECOND_STEP));
		assertThat(lastEntry("login.second-factor", id)).containsEntry("outcome", "FAILURE").containsEntry("detail", "wrong-code");
		assertThat(auditText(id)).doesNotContain(code);
	}

	@Test
	void aCodeOneStepAwayWorksAndTwoStepsAwayFails() throws Exception {
		String username = enrolled("factor.window");
		clock.advance(Duration.ofMinutes(5)); // every step the fixture used lies behind now
		long now = Totp.step(clock.instant());
		byte[] secret = StaffFixture.secret(username);
		StaffFixture staff = new StaffFixture(mvc);

		for (long far : new long[] { now - 2, now + 2 }) {
			StaffSession session = staff.loginPasswordOnly(username, PASSWORD);
			mvc.perform(code(session, Totp.code(secret, far))).andExpect(view().name(SecondFactorController.CODE_VIEW));
		}
		StaffSession behind = staff.loginPasswordOnly(username, PASSWORD);
		mvc.perform(code(behind, Totp.code(secret, now - 1))).andExpect(redirectedUrl("/staff"));
		StaffSession ahead = staff.loginPasswordOnly(username, PASSWORD);
		mvc.perform(code(ahead, Totp.code(secret, now + 1))).andExpect(redirectedUrl("/staff"));
		StaffFixture.used(username, now + 1);
	}

	@Test
	void wrongCodesAreThrottledUntilTheLockEndsAndARightPasswordDoesNotClearThem() throws Exception {
		String username = enrolled("factor.throttle");
		StaffFixture staff = new StaffFixture(mvc);
		for (int i = 0; i < 5; i++) {
			StaffSession session = staff.loginPasswordOnly(username, PASSWORD);
			mvc.perform(code(session, "00000" + i)).andExpect(view().name(SecondFactorController.CODE_VIEW));
		}
		StaffSession session = staff.loginPasswordOnly(username, PASSWORD);
		mvc.perform(code(session, staff.nextCode(username)))
			.andExpect(view().name(SecondFactorController.CODE_VIEW))
			.andExpect(content().string(containsString("Too many attempts")));
		assertThat(lastEntry("login.second-factor", idOf(username))).containsEntry("detail", "throttled");

		clock.advance(Duration.ofMinutes(15));
		mvc.perform(code(session, staff.nextCode(username))).andExpect(redirectedUrl("/staff"));
	}

	@Test
	void aCodeTypedWithPersianDigitsIsTheSameCode() throws Exception {
		String username = enrolled("factor.persian");
		StaffFixture staff = new StaffFixture(mvc);
		String code = staff.nextCode(username);
		StringBuilder persian = new StringBuilder();
		code.chars().forEach(c -> persian.append((char) ('\u06F0' + (c - '0'))));
		StaffSession session = staff.loginPasswordOnly(username, PASSWORD);
		mvc.perform(code(session, persian.toString())).andExpect(redirectedUrl("/staff"));
	}

	@Test
	void aRecoveryCodeWorksOnceInsteadOfACode() throws Exception {
		String username = enrolled("factor.recovery");
		StaffFixture staff = new StaffFixture(mvc);
		String recovery = StaffFixture.recoveryCode(username);

		StaffSession session = staff.loginPasswordOnly(username, PASSWORD);
		mvc.perform(code(session, recovery.toUpperCase())).andExpect(redirectedUrl("/staff"));
		assertThat(lastEntry("login.second-factor", idOf(username))).containsEntry("outcome", "SUCCESS")
			.containsEntry("detail", "recovery-code");

		StaffSession again = staff.loginPasswordOnly(username, PASSWORD);
		mvc.perform(code(again, recovery)).andExpect(view().name(SecondFactorController.CODE_VIEW));
		assertThat(jdbc.sql("select count(*) from accounts.recovery_code where user_id = ? and used_at is null")
			.param(idOf(username)).query(Long.class).single()).isEqualTo(9);
	}

	@Test
	void aPasswordOnlySessionReachesTheCodeStepAndSignOutOnly() throws Exception {
		String username = enrolled("factor.pending");
		StaffSession session = new StaffFixture(mvc).loginPasswordOnly(username, PASSWORD);

		mvc.perform(get("/staff/account/password").with(session)).andExpect(redirectedUrl(SECOND_STEP));
		mvc.perform(get("/staff").with(session).header("HX-Request", "true")).andExpect(status().isForbidden());
		mvc.perform(post("/staff/account/password").with(session).with(csrf()).param("currentPassword", PASSWORD))
			.andExpect(status().isForbidden());
		mvc.perform(get(SECOND_STEP).with(session)).andExpect(status().isOk());
		mvc.perform(get(SECOND_STEP)).andExpect(status().is3xxRedirection());
		mvc.perform(post("/logout").with(session).with(csrf())).andExpect(status().is3xxRedirection());
	}

	@Test
	void newRecoveryCodesOnlyAfterThePasswordAndACurrentCode() throws Exception {
		String username = enrolled("factor.self");
		StaffFixture staff = new StaffFixture(mvc);
		StaffSession session = staff.login(username, PASSWORD);
		String oldRecovery = StaffFixture.recoveryCode(username);

		mvc.perform(selfService(session, "not my password", staff.nextCode(username), "recovery-codes"))
			.andExpect(view().name(OwnFactorController.VIEW));
		mvc.perform(selfService(session, PASSWORD, "123456", "recovery-codes")).andExpect(view().name(OwnFactorController.VIEW));
		assertThat(lastEntry("account.reauthenticated", idOf(username))).containsEntry("outcome", "FAILURE");

		MvcResult renewed = mvc.perform(selfService(session, PASSWORD, staff.nextCode(username), "recovery-codes"))
			.andExpect(redirectedUrl(OwnFactorController.PATH))
			.andReturn();
		@SuppressWarnings("unchecked")
		List<String> codes = (List<String>) renewed.getFlashMap().get("recoveryCodes");
		assertThat(codes).hasSize(10).doesNotContain(oldRecovery);
		StaffSession withOld = staff.loginPasswordOnly(username, PASSWORD);
		mvc.perform(code(withOld, oldRecovery)).andExpect(view().name(SecondFactorController.CODE_VIEW));
		mvc.perform(code(withOld, codes.get(0))).andExpect(redirectedUrl("/staff"));
	}

	@Test
	void reEnrolmentAfterReauthenticationMakesTheSessionPasswordOnlyUntilTheNewFactorIsConfirmed() throws Exception {
		String username = enrolled("factor.reenrol");
		StaffFixture staff = new StaffFixture(mvc);
		StaffSession here = staff.login(username, PASSWORD);
		StaffSession elsewhere = staff.login(username, PASSWORD);
		byte[] oldSecret = StaffFixture.secret(username);

		mvc.perform(selfService(here, PASSWORD, staff.nextCode(username), "re-enrol"))
			.andExpect(redirectedUrl(SECOND_STEP + "/enrol"));

		mvc.perform(get("/staff").with(here)).andExpect(redirectedUrl(SECOND_STEP));
		mvc.perform(get("/staff").with(elsewhere)).andExpect(redirectedUrl("/login?expired"));
		StaffFixture.forgetFactor(username);
		staff.giveSecondFactor(username, here);
		assertThat(StaffFixture.secret(username)).isNotEqualTo(oldSecret);
		mvc.perform(get("/staff").with(here)).andExpect(status().isOk());
	}

	@Test
	void userAOnUserBsAccountEndpointsIsRefusedAndAudited() throws Exception {
		String a = enrolled("factor.a");
		String b = enrolled("factor.b");
		UUID bId = idOf(b);
		StaffFixture staff = new StaffFixture(mvc);
		StaffSession session = staff.login(a, PASSWORD);

		for (String path : List.of("/staff/users/" + bId + "/second-factor/reset", "/staff/users/" + bId + "/reset",
				"/staff/users/" + bId + "/disable")) {
			mvc.perform(post(path).with(session).with(csrf())).andExpect(status().isForbidden());
			assertThat(jdbc.sql("""
					select count(*) from audit.entry
					where actor = ? and action = 'access.denied' and outcome = 'DENIED' and record_id = ?
					""").params(a, "POST " + path).query(Long.class).single()).isEqualTo(1);
		}
		// self-service names no account: whatever A sends, it changes A's codes, never B's
		mvc.perform(selfService(session, PASSWORD, staff.nextCode(a), "recovery-codes").param("id", bId.toString())
			.param("username", b)).andExpect(redirectedUrl(OwnFactorController.PATH));
		assertThat(jdbc.sql("select count(*) from accounts.recovery_code where user_id = ? and used_at is null").param(bId)
			.query(Long.class).single()).isEqualTo(10);
		assertThat(lastEntry("account.recovery-codes-issued", idOf(a))).containsEntry("actor", a);
	}

	@Test
	void anAdministratorResetsAFactorWithoutSeeingItAndTheOwnerEnrolsAgain() throws Exception {
		String username = enrolled("factor.reset");
		UUID id = idOf(username);
		StaffFixture staff = new StaffFixture(mvc);
		StaffSession session = staff.login(username, PASSWORD);
		String secretText = Totp.base32(StaffFixture.secret(username));

		mvc.perform(get("/staff/users/" + id).with(someAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(secretText))))
			.andExpect(content().string(containsString("/second-factor/reset")));
		mvc.perform(post("/staff/users/" + id + "/second-factor/reset").with(someAdmin()).with(csrf()))
			.andExpect(redirectedUrl("/staff/users/" + id + "?factorReset"));

		assertThat(lastEntry("account.second-factor-reset", id)).containsEntry("actor", "fixture-admin")
			.containsEntry("outcome", "SUCCESS");
		assertThat(jdbc.sql("select count(*) from accounts.second_factor where user_id = ?").param(id).query(Long.class).single())
			.isZero();
		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login?expired"));
		StaffFixture.forgetFactor(username);
		StaffSession next = staff.loginPasswordOnly(username, PASSWORD);
		mvc.perform(get(SECOND_STEP).with(next)).andExpect(redirectedUrl(SECOND_STEP + "/enrol"));
		staff.giveSecondFactor(username, next);
		assertThat(Totp.base32(StaffFixture.secret(username))).isNotEqualTo(secretText);
	}

	@Test
	void anAdministratorResetsOthersButNotTheirOwnFactor() throws Exception {
		String admin = enrolled("factor.admin", StaffRole.ADMIN);
		StaffSession session = new StaffFixture(mvc).login(admin, PASSWORD);
		mvc.perform(post("/staff/users/" + idOf(admin) + "/second-factor/reset").with(session).with(csrf()))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("select count(*) from accounts.second_factor where user_id = ? and confirmed").param(idOf(admin))
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aBadCodeIsAnsweredOnThePageNeverWithAnError() throws Exception {
		String username = enrolled("factor.bad");
		StaffSession session = new StaffFixture(mvc).loginPasswordOnly(username, PASSWORD);
		for (String bad : new String[] { "", "12345", "1234567", "abcdef", "x".repeat(500), "12345-67890", "۱۲۳۴۵" }) {
			mvc.perform(code(session, bad)).andExpect(status().isOk()).andExpect(view().name(SecondFactorController.CODE_VIEW));
		}
		mvc.perform(post(SECOND_STEP + "/enrol").with(session).with(csrf()).param("code", "123456"))
			.andExpect(redirectedUrl(SECOND_STEP));
	}

	private String enrolled(String prefix, StaffRole... roles) throws Exception {
		String username = newUsername(prefix);
		StaffFixture staff = new StaffFixture(mvc);
		staff.createActive(username, roles.length == 0 ? new StaffRole[] { StaffRole.INTAKE } : roles);
		staff.login(username, PASSWORD);
		return username;
	}

	private UUID idOf(String username) {
		return jdbc.sql("select id from accounts.staff_user where username = ?").param(username).query(UUID.class).single();
	}

	private static MockHttpServletRequestBuilder code(StaffSession session, String code) {
		return post(SECOND_STEP).with(session).with(csrf()).with(from(newAddress())).param("code", code);
	}

	private static MockHttpServletRequestBuilder selfService(StaffSession session, String password, String code,
			String action) {
		return post(OwnFactorController.PATH).with(session)
			.with(csrf())
			.with(from(newAddress()))
			.param("currentPassword", password)
			.param("code", code)
			.param("action", action);
	}

	private Map<String, Object> lastEntry(String action, UUID id) {
		return jdbc.sql("select actor, outcome, detail from audit.entry where action = ? and record_id = ? order by sequence desc limit 1")
			.params(action, id.toString())
			.query()
			.singleRow();
	}

	private String auditText(UUID id) {
		return String.join(" ", jdbc.sql("select coalesce(detail, '') from audit.entry where record_id = ?")
			.param(id.toString())
			.query(String.class)
			.list());
	}

}
