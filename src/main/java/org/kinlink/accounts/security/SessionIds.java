package org.kinlink.accounts.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.session.SessionIdGenerator;
import org.springframework.stereotype.Component;

/**
 * Session ids of 216 random bits (S12 asks for at least 128; Spring Session's default, a random UUID, has 122),
 * written as 36 characters of base64url so that they fit the session table's id column.
 */
@Component
class SessionIds implements SessionIdGenerator {

	static final int BYTES = 27;

	private final SecureRandom random = new SecureRandom();

	@Override
	public String generate() {
		byte[] bytes = new byte[BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
