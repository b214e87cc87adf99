package org.kinlink.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

/**
 * A signed-in browser as the server knows it: only the session cookie. Sessions live in the database (Spring
 * Session JDBC), so a test carries the cookie on each request ({@code .with(session)}), exactly as a browser
 * does, and any node (MockMvc or a second application context) on the same database accepts it.
 * <p>
 * A session made by {@link #from} keeps its cookie, so a test can show that an old id stops working. A
 * {@link #following()} session takes the new cookie a response sets, as a browser does: the id changes at
 * sign-in and again after the second factor.
 */
public final class StaffSession implements RequestPostProcessor {

	public static final String COOKIE = "KINLINK_SESSION";

	private static final String ATTRIBUTE = StaffSession.class.getName();

	private volatile String cookieValue;

	private final boolean follows;

	public StaffSession(String cookieValue) {
		this(cookieValue, false);
	}

	private StaffSession(String cookieValue, boolean follows) {
		this.cookieValue = cookieValue;
		this.follows = follows;
	}

	/** The session cookie a response set, if it set one (a new session, or a new id at sign-in). */
	public static Optional<StaffSession> from(MvcResult result) {
		return from(result.getResponse());
	}

	public static Optional<StaffSession> from(MockHttpServletResponse response) {
		Cookie cookie = response.getCookie(COOKIE);
		if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty() || cookie.getMaxAge() == 0) {
			return Optional.empty();
		}
		return Optional.of(new StaffSession(cookie.getValue()));
	}

	/** This session as a browser holds it: it takes every new session cookie the server sends. */
	public StaffSession following() {
		return new StaffSession(cookieValue, true);
	}

	/** This session as it is now, no longer following: to show what the server does with this very id. */
	public StaffSession fixed() {
		return new StaffSession(cookieValue, false);
	}

	public String cookieValue() {
		return cookieValue;
	}

	/** The session id the cookie names (Spring Session writes it base64-encoded). */
	public String id() {
		return new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.US_ASCII);
	}

	/** Whether the session's row is in the database, i.e. whether any node would accept it. */
	public boolean isStored(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from accounts.spring_session where session_id = ?")
			.param(id())
			.query(Integer.class)
			.single() == 1;
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		Cookie[] existing = request.getCookies() == null ? new Cookie[0] : request.getCookies();
		Cookie[] cookies = java.util.Arrays.copyOf(existing, existing.length + 1);
		cookies[existing.length] = new Cookie(COOKIE, cookieValue);
		request.setCookies(cookies);
		if (follows) {
			request.setAttribute(ATTRIBUTE, this);
		}
		return request;
	}

	/** After every MockMvc request: a following session takes the new cookie, if the response set one. */
	static void follow(MvcResult result) {
		if (result.getRequest().getAttribute(ATTRIBUTE) instanceof StaffSession session) {
			from(result).ifPresent(renewed -> session.cookieValue = renewed.cookieValue);
		}
	}

	/** Registers {@link #follow} with every test context's MockMvc (found by component scanning). */
	@Component
	static class Follower implements MockMvcBuilderCustomizer {

		@Override
		public void customize(ConfigurableMockMvcBuilder<?> builder) {
			builder.alwaysDo(StaffSession::follow);
		}

	}

}
