package org.kinlink.accounts.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.expression.DefaultHttpSecurityExpressionHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's {@code @PreAuthorize} roles before its arguments are bound (S13): method security alone
 * runs after binding, so a member without the role who sent an incomplete form got 400 and learned what the
 * route expects. Role and authentication expressions are evaluated against the request here; method security
 * still guards every call behind it.
 */
@Configuration(proxyBeanMethods = false)
class EarlyAuthorization implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RoleCheck()).addPathPatterns("/staff/**");
	}

	/** Evaluates the handler's (or its class's) {@code @PreAuthorize} expression before the handler runs. */
	static final class RoleCheck implements HandlerInterceptor {

		private final SpelExpressionParser parser = new SpelExpressionParser();

		private final DefaultHttpSecurityExpressionHandler expressions = new DefaultHttpSecurityExpressionHandler();

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (!(handler instanceof HandlerMethod method)) {
				return true;
			}
			PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
			if (rule == null) {
				rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
			}
			if (rule == null) {
				return true;
			}
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			EvaluationContext context = expressions.createEvaluationContext(() -> authentication,
					new RequestAuthorizationContext(request));
			Expression expression = parser.parseExpression(rule.value());
			if (!Boolean.TRUE.equals(expression.getValue(context, Boolean.class))) {
				throw new AccessDeniedException("role");
			}
			return true;
		}

	}

}
