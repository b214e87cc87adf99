package org.kinlink.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * S20 for what happens after the controller: the session (kept in the database) is saved as the response is
 * committed, and a page may read data while it renders. When the database is gone at that moment the
 * exception passes every controller advice; this filter, outside the session filter, answers it as the
 * advices do, 503 in the reader's language (a page, or problem details under /api), never a 500. The
 * security headers already set stay: only the body is replaced.
 */
@Component
class DatabaseDownFilter extends OncePerRequestFilter implements Ordered {

	private static final Logger log = LoggerFactory.getLogger(DatabaseDownFilter.class);

	private static final String CODE = "error.unavailable";

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json = JsonMapper.builder().build();

	DatabaseDownFilter(ITemplateEngine templates, MessageSource messages, LocaleResolver locales) {
		this.templates = templates;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	public int getOrder() {
		return SessionRepositoryFilter.DEFAULT_ORDER - 1;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!databaseDown(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("database unavailable while the answer was written");
			unavailable(request, response);
		}
	}

	static boolean databaseDown(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransactionSystemException || cause instanceof java.sql.SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locales.resolveLocale(request);
		response.resetBuffer();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", "30");
		response.setHeader("Cache-Control", "no-store");
		String body;
		if (request.getRequestURI().startsWith("/api/")) {
			// RFC 9457 as ApiProblems writes it (there Spring's mapper flattens the properties)
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
			problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
			problem.put("detail", messages.getMessage(CODE, null, locale));
			problem.put("code", CODE);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			body = json.writeValueAsString(problem);
		}
		else {
			response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
			body = templates.process("error/unavailable", new Context(locale));
		}
		try {
			// the page may have started with a writer; the buffer is empty again, the writer still in use
			response.getWriter().write(body);
		}
		catch (IllegalStateException usedStream) {
			response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
		}
		response.flushBuffer();
	}

}
