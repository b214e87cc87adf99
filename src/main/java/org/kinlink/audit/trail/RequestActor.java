package org.kinlink.audit.trail;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting and from where. Staff are named with their address; anyone not signed in is "portal" and
 * no address is taken (S4); work outside a request is "system".
 */
@Component
class RequestActor {

	String name() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
			return auth.getName();
		}
		return currentRequest() == null ? "system" : "portal";
	}

	String origin() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		HttpServletRequest request = currentRequest();
		boolean staff = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
		if (request == null || !staff) {
			return null;
		}
		return request.getRemoteAddr();
	}

	private static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
	}

}
