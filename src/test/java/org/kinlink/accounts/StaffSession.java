package org.kinlink.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A signed-in browser as the server knows it: only the session cookie. Sessions live in the database (Spring
 * Session JDBC), so a test carries the cookie on each request ({@code .with(session)}), exactly as a browser
 * does, and any node (MockMvc or a second application context) on the same database accepts it.
 */
public record StaffSession(String cookieValue) implements RequestPostProcessor {

	public static final String COOKIE = "KINLINK_SESSION";

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
		return request;
	}

}
