package org.kinlink.accounts.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.accounts.throttle.LoginThrottle;
import org.kinlink.accounts.users.AccountLookup;
import org.kinlink.accounts.users.LoginAccount;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.text.PersianText;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password (S8, S11). Throttled per account name and per client before any hashing;
 * an unknown, disabled or not yet activated account costs the same Argon2 work as a known one and gets the
 * same answer. Every attempt is audited under the typed username if such an account exists, else "unknown";
 * the password never. The result carries the password factor, so a second factor can be required on top.
 */
@Component
class StaffLoginProvider implements AuthenticationProvider {

	static final String UNKNOWN = "unknown";

	private static final int MAX_PASSWORD = 1024;

	private final AccountLookup accounts;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final AuditTrail audit;

	private final String dummyHash;

	StaffLoginProvider(AccountLookup accounts, PasswordEncoder passwords, LoginThrottle throttle, AuditTrail audit) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
		this.dummyHash = passwords.encode(UUID.randomUUID().toString());
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase(Locale.ROOT);
		String password = PersianText.normalize(String.valueOf(attempt.getCredentials()));
		String client = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
		Optional<LoginAccount> account = username.length() > 40 ? Optional.empty() : accounts.forLogin(username);
		String actor = account.isPresent() ? username : UNKNOWN;
		String recordId = account.map(a -> a.id().toString()).orElse(null);
		if (throttle.isLocked(username, client)) {
			fail(actor, recordId, "throttled");
		}
		boolean matches;
		try {
			String hash = account.filter(LoginAccount::canSignIn).map(LoginAccount::passwordHash).orElse(dummyHash);
			matches = passwords.matches(password.length() > MAX_PASSWORD ? "" : password, hash) && password.length() <= MAX_PASSWORD;
		}
		catch (BoundedPasswordEncoder.Busy busy) {
			throw new AuthenticationServiceException("busy", busy);
		}
		if (!matches || account.isEmpty() || !account.get().canSignIn()) {
			throttle.recordFailure(username, client);
			fail(actor, recordId, account.isPresent() && !account.get().enabled() ? "disabled" : "bad-credentials");
		}
		LoginAccount signedIn = account.get();
		throttle.recordSuccess(username);
		if (passwords.upgradeEncoding(signedIn.passwordHash())) {
			accounts.rehash(signedIn, passwords.encode(password));
		}
		audit.recordAs(signedIn.username(), AuditEvent.success("login.success", "staff_user", signedIn.id()));
		List<GrantedAuthority> authorities = new ArrayList<>();
		signedIn.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		var result = UsernamePasswordAuthenticationToken.authenticated(new StaffPrincipal(signedIn.id(), signedIn.username()),
				null, authorities);
		result.setDetails(new SignIn(signedIn.id(), signedIn.stamp()));
		return result;
	}

	private void fail(String actor, String recordId, String reason) {
		audit.recordAs(actor, new AuditEvent("login.failure", "staff_user", recordId, AuditEvent.Outcome.FAILURE, reason));
		throw new BadCredentialsException(reason);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Which account signed in and at which stamp; the success handler copies it into the session. */
	record SignIn(UUID userId, long stamp) implements java.io.Serializable {
	}

}
