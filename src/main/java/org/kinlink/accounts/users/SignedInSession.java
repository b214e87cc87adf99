package org.kinlink.accounts.users;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * What a staff session remembers about its sign-in: the account, the account's stamp at that moment (a
 * later change of roles, password or status ends the session) and when it began and was last used, for the
 * absolute and idle timeouts (S12).
 */
public record SignedInSession(UUID userId, long stamp, Instant signedInAt, Instant lastSeenAt) implements Serializable {

	private static final String ATTRIBUTE = SignedInSession.class.getName();

	public static Optional<SignedInSession> of(HttpSession session) {
		return session.getAttribute(ATTRIBUTE) instanceof SignedInSession signedIn ? Optional.of(signedIn) : Optional.empty();
	}

	public static void begin(HttpSession session, UUID userId, long stamp, Instant now) {
		session.setAttribute(ATTRIBUTE, new SignedInSession(userId, stamp, now, now));
	}

	public void seenAt(HttpSession session, Instant now) {
		session.setAttribute(ATTRIBUTE, new SignedInSession(userId, stamp, signedInAt, now));
	}

	/** Keeps this session open after its own user changed the password or factor (which ends every other session). */
	public void restamp(HttpSession session, long newStamp) {
		session.setAttribute(ATTRIBUTE, new SignedInSession(userId, newStamp, signedInAt, lastSeenAt));
	}

}
