package org.kinlink.accounts.factor;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.kinlink.accounts.users.SignedInSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** Moves the session's sign-in between password-only and complete, renewing the session id on the way up. */
final class SignInSteps {

	private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

	private SignInSteps() {
	}

	/** The signed-in account of this session, from the password step. */
	static Optional<UUID> userId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? Optional.empty() : SignedInSession.of(session).map(SignedInSession::userId);
	}

	/** The second factor was given: a new session id (S12, as at the password step) and the code factor. */
	static void complete(HttpServletRequest request, HttpServletResponse response, Authentication passwordOnly) {
		if (request.changeSessionId() == null) {
			throw new IllegalStateException("the session id could not be renewed");
		}
		replace(request, response, Factors.withSecondFactor(passwordOnly));
	}

	/** Back to password-only, e.g. while the owner enrols a new factor. */
	static void downgrade(HttpServletRequest request, HttpServletResponse response, Authentication complete) {
		replace(request, response, Factors.withoutSecondFactor(complete));
	}

	private static void replace(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(authentication);
		holder.setContext(context);
		CONTEXTS.saveContext(context, request, response);
	}

}
