package org.kinlink.accounts.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie as S12 wants it, set explicitly: Spring Session otherwise copies the servlet container's
 * cookie settings, and where there is no container (a mock servlet context) it fell back to a cookie named
 * SESSION without HttpOnly or SameSite. Its name, Secure flag and SameSite come from the usual
 * {@code server.servlet.session.cookie.*} properties.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookie {

	@Bean
	CookieSerializer sessionCookieSerializer(@Value("${server.servlet.session.cookie.name:KINLINK_SESSION}") String name,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secure,
			@Value("${server.servlet.session.cookie.same-site:strict}") String sameSite) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setCookiePath("/");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setUseSecureCookie(secure);
		serializer.setSameSite(sameSite.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + sameSite.substring(1).toLowerCase(java.util.Locale.ROOT));
		return serializer;
	}

}
