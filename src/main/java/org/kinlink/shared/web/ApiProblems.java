package org.kinlink.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Problems of the JSON API as RFC 9457 problem details, in the client's language, field by field. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(KinlinkException.class)
	ProblemDetail kinlink(KinlinkException ex) {
		return problem(ex.status(), ex.messageCode(), ex.arguments());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.invalidInput");
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			fields.putIfAbsent(error.getField(), messages.getMessage(error, locale));
		}
		problem.setProperty("fields", fields);
		return problem;
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail unreadable() {
		return problem(HttpStatus.BAD_REQUEST, "error.badRequest");
	}

	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.transaction.CannotCreateTransactionException.class,
			// the database went away during commit or rollback: nothing is known to be stored, the client retries
			org.springframework.transaction.TransactionSystemException.class })
	ProblemDetail unavailable() {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
	}

	/** A change that met another one (versions, deadlocks, lock timeouts): nothing was written, try again. */
	@ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
	ProblemDetail concurrent() {
		return problem(HttpStatus.CONFLICT, "error.concurrentChange");
	}

	private ProblemDetail problem(HttpStatus status, String code, Object... args) {
		String detail = messages.getMessage(code, args, LocaleContextHolder.getLocale());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("code", code);
		return problem;
	}

}
