package org.kinlink.accounts.factor;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * Which factors a sign-in has given (S9). The password step grants {@link FactorGrantedAuthority#PASSWORD_AUTHORITY};
 * the code step adds {@link #TOTP_AUTHORITY}. A sign-in holding the password factor without the code factor is
 * "password-only": it may reach the code step and sign out, nothing under /staff.
 */
public final class Factors {

	/** The authority of a sign-in that gave a valid TOTP or recovery code. */
	public static final String TOTP_AUTHORITY = "FACTOR_TOTP";

	/** Where a password-only sign-in is sent. */
	public static final String STEP_URL = "/login/factor";

	private Factors() {
	}

	/** Whether the sign-in gave its password but not yet its second factor. */
	public static boolean passwordOnly(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& has(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY) && !has(authentication, TOTP_AUTHORITY);
	}

	static boolean has(Authentication authentication, String authority) {
		return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}

	/** The same sign-in with the code factor added. */
	static Authentication withSecondFactor(Authentication passwordOnly) {
		List<GrantedAuthority> authorities = new ArrayList<>(passwordOnly.getAuthorities());
		authorities.removeIf(a -> TOTP_AUTHORITY.equals(a.getAuthority()));
		authorities.add(FactorGrantedAuthority.fromAuthority(TOTP_AUTHORITY));
		return copy(passwordOnly, authorities);
	}

	/** The same sign-in without the code factor (the user re-enrols: the session is password-only until then). */
	static Authentication withoutSecondFactor(Authentication complete) {
		List<GrantedAuthority> authorities = new ArrayList<>(complete.getAuthorities());
		authorities.removeIf(a -> TOTP_AUTHORITY.equals(a.getAuthority()));
		return copy(complete, authorities);
	}

	private static Authentication copy(Authentication from, List<GrantedAuthority> authorities) {
		var result = UsernamePasswordAuthenticationToken.authenticated(from.getPrincipal(), null, authorities);
		result.setDetails(from.getDetails());
		return result;
	}

}
