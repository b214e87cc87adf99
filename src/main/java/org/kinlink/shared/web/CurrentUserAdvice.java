package org.kinlink.shared.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in staff member (name and roles) on every page for the layout's navigation. */
@ControllerAdvice
class CurrentUserAdvice {

	/** What the layout needs to know about the reader: nothing for the portal's visitors. */
	public record CurrentUser(String name, Set<String> roles) {

		public boolean has(String role) {
			return roles.contains("ROLE_" + role);
		}

	}

	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return new CurrentUser(auth.getName(),
				auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
	}

}
