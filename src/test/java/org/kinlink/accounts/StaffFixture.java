package org.kinlink.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Staff accounts made the way Kinlink makes them: an administrator creates the account, its owner activates
 * it with the code, then signs in. Every sign-in comes from its own client address, so tests sharing the
 * context do not trip each other's throttle.
 */
public final class StaffFixture {

	public static final String PASSWORD = "correct horse battery staple";

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

	/** Signs in through the form and returns the (new) session, as its cookie. */
	public StaffSession login(String username, String password) throws Exception {
		MvcResult result = mvc.perform(loginRequest(username, password, newAddress()))
			.andExpect(redirectedUrl("/staff"))
			.andReturn();
		StaffSession session = StaffSession.from(result).orElse(null);
		assertThat(session).as("session cookie after sign-in").isNotNull();
		return session;
	}

	public static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginRequest(String username,
			String password, String address) {
		return post("/login").with(csrf()).with(from(address)).param("username", username).param("password", password);
	}

	/** An account the fixture made. */
	public record Created(UUID id, String code) {
	}

}
