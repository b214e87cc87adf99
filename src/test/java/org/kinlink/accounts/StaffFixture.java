package org.kinlink.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.kinlink.accounts.factor.Totp;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Staff accounts made the way Kinlink makes them: an administrator creates the account, its owner activates
 * it with the code, then signs in with the password and the second factor (enrolled at the first sign-in, with
 * the secret read off the enrolment page; codes computed as an authenticator app does). Every sign-in comes from its own client address, so tests sharing the
 * context do not trip each other's throttle.
 */
public final class StaffFixture {

	public static final String PASSWORD = "correct horse battery staple";

	/** Where a right password leads: the second factor step. */
	public static final String SECOND_STEP = "/login/factor";

	private static final Map<String, byte[]> SECRETS = new ConcurrentHashMap<>();

	private static final Map<String, Deque<String>> RECOVERY = new ConcurrentHashMap<>();

	private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	private static final AtomicInteger NAMES = new AtomicInteger();

	private final MockMvc mvc;

	public StaffFixture(MockMvc mvc) {
		this.mvc = mvc;
	}

	/** A fresh username no other test uses. */
	public static String newUsername(String prefix) {
		return prefix + "." + NAMES.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A client address no other request of the run used. */
	public static String newAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
	}

	public static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** An administrator who is not a stored account, for setting accounts up. */
	public static RequestPostProcessor someAdmin() {
		return user("fixture-admin").roles("ADMIN");
	}

	/** Creates the account as an administrator and returns its id and the activation code shown once. */
	public Created create(String username, StaffRole... roles) throws Exception {
		var request = post("/staff/users").with(someAdmin())
			.with(csrf())
			.param("username", username)
			.param("displayName", "Test " + username);
		Arrays.stream(roles).forEach(role -> request.param("roles", role.name()));
		MvcResult result = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/staff/users/");
		String code = (String) result.getFlashMap().get("activationCode");
		assertThat(code).isNotBlank();
		return new Created(UUID.fromString(location.substring("/staff/users/".length())), code);
	}

	public void activate(String username, String code, String password) throws Exception {
		mvc.perform(post("/activate").with(csrf())
			.with(from(newAddress()))
			.param("username", username)
			.param("code", code)
			.param("password", password)
			.param("passwordAgain", password)).andExpect(redirectedUrl("/login?activated"));
	}

	/** A created and activated account with {@link #PASSWORD}. */
	public UUID createActive(String username, StaffRole... roles) throws Exception {
		Created created = create(username, roles);
		activate(username, created.code(), PASSWORD);
		return created.id();
	}

	/** Signs in through the form with both factors (enrolling the second one the first time) and returns the session. */
	public StaffSession login(String username, String password) throws Exception {
		StaffSession session = loginPasswordOnly(username, password);
		giveSecondFactor(username, session);
		return session;
	}

	/**
	 * Only the password step: the session is password-only and reaches nothing under /staff yet. It follows new
	 * session cookies as a browser does (the id changes again after the second factor).
	 */
	public StaffSession loginPasswordOnly(String username, String password) throws Exception {
		MvcResult result = mvc.perform(loginRequest(username, password, newAddress()))
			.andExpect(redirectedUrl(SECOND_STEP))
			.andReturn();
		StaffSession session = StaffSession.from(result).orElse(null);
		assertThat(session).as("session cookie after sign-in").isNotNull();
		return session.following();
	}

	/** The second step of a password-only session: enrols the account's factor the first time, else gives a code. */
	public void giveSecondFactor(String username, StaffSession session) throws Exception {
		if (!SECRETS.containsKey(username)) {
			enrol(username, session);
			return;
		}
		mvc.perform(post(SECOND_STEP).with(csrf()).with(from(newAddress())).with(session).param("code", nextCode(username)))
			.andExpect(redirectedUrl("/staff"));
	}

	/** The first time: reads the secret off the enrolment page, confirms it with a code, keeps the recovery codes. */
	@SuppressWarnings("unchecked")
	private void enrol(String username, StaffSession session) throws Exception {
		MvcResult page = mvc.perform(get(SECOND_STEP + "/enrol").with(session)).andExpect(status().isOk()).andReturn();
		String secret = (String) page.getModelAndView().getModel().get("secret");
		assertThat(secret).isNotBlank();
		SECRETS.put(username, Totp.fromBase32(secret));
		MvcResult confirmed = mvc
			.perform(post(SECOND_STEP + "/enrol").with(csrf())
				.with(from(newAddress()))
				.with(session)
				.param("code", nextCode(username)))
			.andExpect(redirectedUrl("/staff/account/factor"))
			.andReturn();
		List<String> codes = (List<String>) confirmed.getFlashMap().get("recoveryCodes");
		assertThat(codes).hasSize(10);
		RECOVERY.put(username, new ArrayDeque<>(codes));
	}

	/** The secret the account enrolled (after {@link #login}), to compute codes as an authenticator app does. */
	public static byte[] secret(String username) {
		return SECRETS.get(username);
	}

	/** An unused recovery code of the account. */
	public static String recoveryCode(String username) {
		return RECOVERY.get(username).pop();
	}

	/** Forgets the account's factor (after an administrator reset it): the next sign-in enrols again. */
	public static void forgetFactor(String username) {
		SECRETS.remove(username);
		RECOVERY.remove(username);
		LAST_STEP.remove(username);
	}

	/**
	 * A code that the server accepts now: the earliest step of the window (now - 1 .. now + 1) after the last one
	 * this account used; when the window is used up, a recovery code.
	 */
	public String nextCode(String username) {
		long now = Totp.step(clock().instant());
		long step = Math.max(now - 1, LAST_STEP.getOrDefault(username, Long.MIN_VALUE) + 1);
		if (step > now + 1) {
			return recoveryCode(username);
		}
		LAST_STEP.put(username, step);
		return Totp.code(SECRETS.get(username), step);
	}

	/** Records that a test used this step itself (so the fixture does not offer it again). */
	public static void used(String username, long step) {
		LAST_STEP.merge(username, step, Math::max);
	}

	/** The application's clock (the movable one in the accounts tests). */
	public Clock clock() {
		return mvc.getDispatcherServlet().getWebApplicationContext().getBean(Clock.class);
	}

	public static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginRequest(String username,
			String password, String address) {
		return post("/login").with(csrf()).with(from(address)).param("username", username).param("password", password);
	}

	/** An account the fixture made. */
	public record Created(UUID id, String code) {
	}

}
