package org.kinlink.accounts.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinlink.accounts.StaffFixture.PASSWORD;
import static org.kinlink.accounts.StaffFixture.loginRequest;
import static org.kinlink.accounts.StaffFixture.newAddress;
import static org.kinlink.accounts.StaffFixture.newUsername;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffRole;
import org.kinlink.accounts.StaffSession;
import org.kinlink.accounts.throttle.LoginThrottle;
import org.kinlink.audit.AuditTrail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An administrator's change made while the owner's password is being hashed or written is never undone: the
 * race is replayed deterministically by running the administrator's change at the exact moment in between
 * (in another thread, so it commits on its own, as a second request would).
 */
@AccountsWebTest
class ConcurrentAccountChangeTests {

	private static final String NEW_PASSWORD = "an even better passphrase";

	private static final String ADMIN = "fixture-admin";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	StaffUsers users;

	@Autowired
	AccountLookup lookup;

	@Autowired
	ActivationCodes codes;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AuditTrail audit;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aDisableDuringAPasswordChangeSurvivesAndEndsTheSessions() throws Exception {
		String username = newUsername("race.disable");
		StaffFixture staff = new StaffFixture(mvc);
		UUID id = staff.createActive(username, StaffRole.TRANSLATOR);
		StaffSession here = staff.login(username, PASSWORD);
		StaffSession elsewhere = staff.login(username, PASSWORD);
		StaffUser before = users.byId(id).orElseThrow();
		StaffAccounts racing = new StaffAccounts(users, codes, hashingWhile(() -> accounts.disable(id, ADMIN)), audit,
				throttle, transactions);

		var change = racing.changeOwnPassword(username, PASSWORD, NEW_PASSWORD, newAddress());

		assertThat(change.outcome()).isEqualTo(StaffAccounts.PasswordChange.CHANGED_MEANWHILE);
		StaffUser after = users.byId(id).orElseThrow();
		assertThat(after.enabled()).isFalse();
		assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
		assertThat(after.stamp()).isEqualTo(before.stamp() + 1);
		mvc.perform(get("/staff").with(here)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/staff").with(elsewhere)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
		mvc.perform(loginRequest(username, NEW_PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aRoleChangeDuringAPasswordChangeStaysAndEndsTheSessions() throws Exception {
		String username = newUsername("race.roles");
		StaffFixture staff = new StaffFixture(mvc);
		UUID id = staff.createActive(username, StaffRole.TRANSLATOR, StaffRole.REVIEWER);
		StaffSession session = staff.login(username, PASSWORD);
		StaffAccounts racing = new StaffAccounts(users, codes,
				hashingWhile(() -> accounts.changeRoles(id, EnumSet.of(StaffRole.INTAKE), ADMIN)), audit, throttle, transactions);

		var change = racing.changeOwnPassword(username, PASSWORD, NEW_PASSWORD, newAddress());

		assertThat(change.outcome()).isEqualTo(StaffAccounts.PasswordChange.CHANGED_MEANWHILE);
		assertThat(users.byId(id).orElseThrow().roles()).containsExactly(StaffRole.INTAKE);
		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl(StaffFixture.SECOND_STEP));
	}

	@Test
	void aPasswordChangeWithoutInterferenceStillWorks() throws Exception {
		String username = newUsername("race.none");
		StaffFixture staff = new StaffFixture(mvc);
		UUID id = staff.createActive(username, StaffRole.TRANSLATOR);
		long stamp = users.byId(id).orElseThrow().stamp();
		StaffAccounts quiet = new StaffAccounts(users, codes, hashingWhile(() -> {
		}), audit, throttle, transactions);

		var change = quiet.changeOwnPassword(username, PASSWORD, NEW_PASSWORD, newAddress());

		assertThat(change.outcome()).isEqualTo(StaffAccounts.PasswordChange.CHANGED);
		assertThat(change.stamp()).isEqualTo(stamp + 1).isEqualTo(users.byId(id).orElseThrow().stamp());
		mvc.perform(loginRequest(username, NEW_PASSWORD, newAddress())).andExpect(redirectedUrl(StaffFixture.SECOND_STEP));
	}

	@Test
	void aDisableBetweenReadingAndWritingAnActivationSurvivesAndTheRetrySetsThePassword() throws Exception {
		String username = newUsername("race.activate");
		StaffFixture.Created created = new StaffFixture(mvc).create(username, StaffRole.INTAKE);
		AtomicInteger redemptions = new AtomicInteger();
		ActivationCodes interfering = new ActivationCodes(jdbc, clock) {
			@Override
			Redemption redeem(UUID userId, String typed) {
				Redemption redemption = super.redeem(userId, typed);
				if (redemptions.incrementAndGet() == 1) {
					CompletableFuture.runAsync(() -> accounts.disable(created.id(), ADMIN)).join();
				}
				return redemption;
			}
		};
		StaffAccounts racing = new StaffAccounts(users, interfering, passwords, audit, throttle, transactions);

		var outcome = racing.activate(username, created.code(), PASSWORD, newAddress());

		assertThat(outcome).isEqualTo(StaffAccounts.Activation.ACTIVATED);
		assertThat(redemptions).hasValue(2);
		StaffUser after = users.byId(created.id()).orElseThrow();
		assertThat(after.enabled()).isFalse();
		assertThat(after.passwordHash()).isNotNull();
		assertThat(passwords.matches(PASSWORD, after.passwordHash())).isTrue();
		assertThat(codes.hasOpenCode(created.id())).isFalse();
		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void anActivationThatKeepsLosingTheRaceIsRefusedAndKeepsTheCode() throws Exception {
		String username = newUsername("race.activate.twice");
		StaffFixture.Created created = new StaffFixture(mvc).create(username, StaffRole.INTAKE);
		AtomicBoolean enabled = new AtomicBoolean(true);
		ActivationCodes interfering = new ActivationCodes(jdbc, clock) {
			@Override
			Redemption redeem(UUID userId, String typed) {
				Redemption redemption = super.redeem(userId, typed);
				boolean disable = enabled.getAndSet(!enabled.get());
				CompletableFuture.runAsync(() -> {
					if (disable) {
						accounts.disable(created.id(), ADMIN);
					}
					else {
						accounts.enable(created.id());
					}
				}).join();
				return redemption;
			}
		};
		StaffAccounts racing = new StaffAccounts(users, interfering, passwords, audit, throttle, transactions);

		var outcome = racing.activate(username, created.code(), PASSWORD, newAddress());

		assertThat(outcome).isEqualTo(StaffAccounts.Activation.CHANGED_MEANWHILE);
		assertThat(users.byId(created.id()).orElseThrow().passwordHash()).isNull();
		assertThat(codes.hasOpenCode(created.id())).isTrue();
		new StaffFixture(mvc).activate(username, created.code(), PASSWORD);
		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl(StaffFixture.SECOND_STEP));
	}

	@Test
	void aRehashAtSignInIsSkippedWhenTheAccountChangedSinceItWasRead() throws Exception {
		String username = newUsername("race.rehash");
		UUID id = new StaffFixture(mvc).createActive(username, StaffRole.INTAKE);
		LoginAccount readAtSignIn = lookup.forLogin(username).orElseThrow();
		accounts.disable(id, ADMIN);

		assertThat(lookup.rehash(readAtSignIn, passwords.encode(PASSWORD))).isFalse();

		StaffUser after = users.byId(id).orElseThrow();
		assertThat(after.enabled()).isFalse();
		assertThat(after.passwordHash()).isEqualTo(readAtSignIn.passwordHash());
		assertThat(after.stamp()).isEqualTo(readAtSignIn.stamp() + 1);
	}

	@Test
	void aRehashOfAnUnchangedAccountKeepsItsSessions() throws Exception {
		String username = newUsername("rehash.ok");
		StaffFixture staff = new StaffFixture(mvc);
		UUID id = staff.createActive(username, StaffRole.INTAKE);
		StaffSession session = staff.login(username, PASSWORD);
		LoginAccount readAtSignIn = lookup.forLogin(username).orElseThrow();
		String newHash = passwords.encode(PASSWORD);

		assertThat(lookup.rehash(readAtSignIn, newHash)).isTrue();

		StaffUser after = users.byId(id).orElseThrow();
		assertThat(after.passwordHash()).isEqualTo(newHash);
		assertThat(after.stamp()).isEqualTo(readAtSignIn.stamp());
		mvc.perform(get("/staff").with(session)).andExpect(status().isOk());
	}

	@Test
	void everyStampedWriteChangesNothingWhenTheStampIsStale() throws Exception {
		String username = newUsername("race.stale");
		UUID id = new StaffFixture(mvc).createActive(username, StaffRole.INTAKE);
		StaffUser stale = users.byId(id).orElseThrow();
		accounts.changeRoles(id, EnumSet.of(StaffRole.AUDITOR), ADMIN);
		StaffUser current = users.byId(id).orElseThrow();

		assertThat(users.changePassword(id, "x", stale.stamp())).isFalse();
		assertThat(users.changePassword(id, null, stale.stamp())).isFalse();
		assertThat(users.changeEnabled(id, false, stale.stamp())).isFalse();
		assertThat(users.changeRoles(id, EnumSet.of(StaffRole.ADMIN), stale.stamp())).isFalse();
		assertThat(users.rehashPassword(id, stale.passwordHash(), "x", stale.stamp())).isFalse();
		assertThat(users.byId(id).orElseThrow()).isEqualTo(current);
	}

	/** The real encoder, but the first new hash lets another party change the account before it returns. */
	private PasswordEncoder hashingWhile(Runnable meanwhile) {
		AtomicBoolean done = new AtomicBoolean();
		return new PasswordEncoder() {
			@Override
			public String encode(CharSequence rawPassword) {
				String hash = passwords.encode(rawPassword);
				if (!done.getAndSet(true)) {
					CompletableFuture.runAsync(meanwhile).join();
				}
				return hash;
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return passwords.matches(rawPassword, encodedPassword);
			}
		};
	}

}
