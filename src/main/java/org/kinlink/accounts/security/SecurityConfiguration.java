package org.kinlink.accounts.security;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;

import org.kinlink.accounts.factor.Factors;
import org.kinlink.accounts.users.AccountLookup;
import org.kinlink.audit.AuditTrail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The one filter chain: the portal, setup, activation, login and static files are public; everything under
 * /staff needs a staff member signed in with both factors, and each controller names the roles it serves
 * (method security). Sign-in goes through {@link StaffLoginProvider} (throttled, audited), then the second
 * factor step at /login/factor; until that step is done the session is password-only; sessions are renewed at sign-in and
 * end after 30 minutes idle or 12 hours in all; sign-out is a POST with CSRF. Headers per S18 on every
 * response, including Cache-Control: no-store on everything but the versioned static files.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // maintenance commands (e.g. verify-audit) run without a web server
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http, StaffLoginProvider login, AuditTrail audit, Clock clock,
			AccountLookup accounts, LocaleResolver locales,
			@Value("${server.servlet.session.timeout:30m}") Duration idleTimeout,
			@Value("${kinlink.accounts.session.absolute-timeout:12h}") Duration absoluteTimeout) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(HttpMethod.TRACE, "/**")
			.denyAll()
			// the second sign-in step: only after a right password (S9)
			.requestMatchers(Factors.STEP_URL, Factors.STEP_URL + "/**")
			.hasAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
			// the error page is for the container's error dispatch only; asked for directly it is not a page
			.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/", "/portal/**", "/api/v1/portal/**", "/setup", "/login", "/logout", "/activate", "/css/**",
					"/js/**", "/webjars/**", "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			// A referral's recipient downloads a large video by the random token in the packet (referrals module).
			.requestMatchers(HttpMethod.GET, "/referral-downloads/*")
			.permitAll()
			// a password-only session (second factor not yet given) reaches nothing under /staff (S9)
			.requestMatchers("/staff/**")
			.access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(), SecurityConfiguration::secondFactorGiven))
			.anyRequest()
			.denyAll());
		http.authenticationManager(new ProviderManager(login));
		SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
		failure.setAllowSessionCreation(false);
		http.formLogin(form -> form.loginPage("/login").successHandler(SessionHandlers.signedIn(clock)).failureHandler(failure));
		http.logout(logout -> logout.logoutUrl("/logout")
			.addLogoutHandler(SessionHandlers.audited(audit))
			.addLogoutHandler(SessionHandlers.clearSiteData())
			.invalidateHttpSession(true)
			.deleteCookies("KINLINK_SESSION")
			.logoutSuccessHandler(SessionHandlers.toSignInPage(locales)));
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()));
		http.addFilterAfter(new SessionLifetimeFilter(clock, idleTimeout, absoluteTimeout, accounts), HeaderWriterFilter.class);
		http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new AuditingAccessDeniedHandler(audit)));
		// A cookie holds the CSRF token, so the anonymous portal needs no server session at all. The token is
		// loaded when the request starts, not when a form first asks for it: by then a long page may already be
		// committed, and a new token's cookie (after sign-in, say) would be lost, leaving a form that cannot post.
		XorCsrfTokenRequestAttributeHandler eagerTokens = new XorCsrfTokenRequestAttributeHandler();
		eagerTokens.setCsrfRequestAttributeName(null);
		http.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
			.csrfTokenRequestHandler(eagerTokens)
			.ignoringRequestMatchers("/api/v1/portal/**"));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

	private static AuthorizationResult secondFactorGiven(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext request) {
		return new AuthorizationDecision(!Factors.passwordOnly(authentication.get()));
	}

}
