package org.kinlink.portal.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Invalid and unreadable requests to the portal API as localised problem details with one message per field.
 * Ordered first because Spring Boot's own problem-details handler would otherwise answer them in English
 * without the fields; other problems go to the shared ApiProblems.
 */
@RestControllerAdvice(assignableTypes = PortalApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalApiProblems {

	private final MessageSource messages;

	PortalApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = problem("error.invalidInput", locale);
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			fields.putIfAbsent(error.getField(), messages.getMessage(error, locale));
		}
		problem.setProperty("fields", fields);
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable() {
		return problem("error.badRequest", LocaleContextHolder.getLocale());
	}

	private ProblemDetail problem(String code, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.getMessage(code, null, locale));
		problem.setProperty("code", code);
		return problem;
	}

}
