package org.kinlink.accounts.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.kinlink.accounts.users.AccountLookup;
import org.kinlink.accounts.users.SignedInSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session (S12) when it has been idle too long, when it is older than the absolute limit, or
 * when the account was disabled, reset or changed since sign-in. Time comes from the injected clock, so the
 * rules are tested without waiting. The servlet container's own idle timeout stays as a second line.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	private final Clock clock;

	private final Duration idle;

	private final Duration absolute;

	private final AccountLookup accounts;

	SessionLifetimeFilter(Clock clock, Duration idle, Duration absolute, AccountLookup accounts) {
		this.clock = clock;
		this.idle = idle;
		this.absolute = absolute;
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		SignedInSession signedIn = session == null ? null : SignedInSession.of(session).orElse(null);
		if (signedIn != null) {
			Instant now = clock.instant();
			if (expired(signedIn, now) || !accounts.isCurrent(signedIn.userId(), signedIn.stamp())) {
				session.invalidate();
				SecurityContextHolder.clearContext();
				if (request.getRequestURI().startsWith(request.getContextPath() + "/staff")) {
					response.sendRedirect(request.getContextPath() + "/login?expired");
					return;
				}
			}
			else {
				signedIn.seenAt(session, now);
			}
		}
		chain.doFilter(request, response);
	}

	private boolean expired(SignedInSession signedIn, Instant now) {
		return !now.isBefore(signedIn.signedInAt().plus(absolute)) || !now.isBefore(signedIn.lastSeenAt().plus(idle));
	}

}
