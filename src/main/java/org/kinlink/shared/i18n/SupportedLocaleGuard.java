package org.kinlink.shared.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Switches only to a language Kinlink speaks; any other "lang" value is ignored. */
class SupportedLocaleGuard implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String lang = request.getParameter("lang");
		if (lang != null) {
			LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
			java.util.Locale locale = Languages.supported(lang);
			if (resolver != null && locale != null) {
				resolver.setLocale(request, response, locale);
			}
		}
		return true;
	}

}
