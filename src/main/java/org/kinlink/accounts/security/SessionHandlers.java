package org.kinlink.accounts.security;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kinlink.accounts.factor.Factors;
import org.kinlink.accounts.users.SignedInSession;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What happens around a session's life: at sign-in the (already new) session remembers the account, its
 * stamp and the time; at sign-out the trail records it, the browser is told to forget the site's data, and
 * the reader lands on the sign-in page in the language they had.
 */
final class SessionHandlers {

	static final String CLEAR_SITE_DATA = "\"cache\", \"cookies\", \"storage\"";

	private SessionHandlers() {
	}

	/** After the password step: on to the second factor (enrolment or a code), which adds its own factor authority. */
	static AuthenticationSuccessHandler signedIn(Clock clock) {
		return (request, response, authentication) -> {
			if (authentication.getDetails() instanceof StaffLoginProvider.SignIn signIn) {
				SignedInSession.begin(request.getSession(), signIn.userId(), signIn.stamp(), clock.instant());
			}
			response.sendRedirect(request.getContextPath() + Factors.STEP_URL);
		};
	}

	static LogoutHandler audited(AuditTrail audit) {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
				audit.recordAs(principal.username(), AuditEvent.success("logout", "staff_user", principal.id()));
			}
		};
	}

	/** Always sent: browsers honour it on https and on localhost, and it costs nothing elsewhere. */
	static LogoutHandler clearSiteData() {
		return (request, response, authentication) -> response.setHeader("Clear-Site-Data", CLEAR_SITE_DATA);
	}

	/** Clear-Site-Data also drops the language cookie, so the language rides along on the redirect. */
	static LogoutSuccessHandler toSignInPage(LocaleResolver locales) {
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			Locale locale = locales.resolveLocale(request);
			response.sendRedirect(request.getContextPath() + "/login?loggedOut&lang=" + locale.getLanguage());
		};
	}

}
