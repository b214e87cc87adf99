package org.kinlink.accounts.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The one filter chain: the portal, setup, login and static files are public; everything under /staff
 * needs a signed-in staff member, and each controller names the roles it serves (method security).
 * Headers per S18 on every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/", "/portal/**", "/api/v1/portal/**", "/setup", "/login", "/css/**", "/js/**",
					"/webjars/**", "/favicon.ico", "/error", "/v3/api-docs", "/v3/api-docs/**", "/actuator/health",
					"/actuator/health/**")
			.permitAll()
			.requestMatchers("/staff/**")
			.authenticated()
			.anyRequest()
			.denyAll());
		http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/staff", true).failureUrl("/login?error"));
		http.logout(logout -> logout.logoutUrl("/logout")
			.logoutSuccessUrl("/login?loggedOut")
			.addLogoutHandler(new HeaderWriterLogoutHandler(
					new ClearSiteDataHeaderWriter(ClearSiteDataHeaderWriter.Directive.CACHE,
							ClearSiteDataHeaderWriter.Directive.COOKIES, ClearSiteDataHeaderWriter.Directive.STORAGE))));
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()));
		// A cookie holds the CSRF token, so the anonymous portal needs no server session at all.
		http.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
			.ignoringRequestMatchers("/api/v1/portal/**"));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

	/** Argon2id for every new hash; older formats still verify so that they can be upgraded at login. */
	@Bean
	PasswordEncoder passwordEncoder() {
		java.util.Map<String, PasswordEncoder> encoders = new java.util.HashMap<>();
		encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}

}
