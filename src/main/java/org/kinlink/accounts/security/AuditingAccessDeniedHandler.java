package org.kinlink.accounts.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kinlink.accounts.factor.Factors;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Every refusal of a signed-in request (wrong role on any module's route, a missing CSRF token) goes to the
 * audit trail with outcome DENIED, then the reader gets the localized 403 page through the error page. The
 * record is the method and path, which hold ids at most, never content. A session that gave its password but
 * not yet its second factor is sent to the code step when it asks for a page, and refused (403) otherwise.
 */
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

	private static final Logger log = LoggerFactory.getLogger(AuditingAccessDeniedHandler.class);

	private final AuditTrail audit;

	private final AccessDeniedHandler page = new AccessDeniedHandlerImpl();

	AuditingAccessDeniedHandler(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		String path = request.getRequestURI();
		String route = request.getMethod() + " " + (path.length() > 200 ? path.substring(0, 200) : path);
		boolean passwordOnly = !(denied instanceof CsrfException)
				&& Factors.passwordOnly(SecurityContextHolder.getContext().getAuthentication());
		try {
			audit.record(AuditEvent.denied("access.denied", "route", route)
				.withDetail(denied instanceof CsrfException ? "csrf" : passwordOnly ? "second-factor-missing" : "authorization"));
		}
		catch (DataAccessException ex) {
			log.warn("a denied request could not be audited: {}", ex.getClass().getSimpleName());
		}
		if (passwordOnly && isPage(request)) {
			response.sendRedirect(request.getContextPath() + Factors.STEP_URL);
			return;
		}
		page.handle(request, response, denied);
	}

	/** A page the browser navigates to (not a form post, not an htmx fragment): worth a redirect. */
	private static boolean isPage(HttpServletRequest request) {
		return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) && request.getHeader("HX-Request") == null;
	}

}
