package org.kinlink.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns problems on pages into a page in the reader's language with the right status; never exception
 * text, never a stack trace. The JSON API has its own advice.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages {

	static final String VIEW = "error/problem";

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	@ExceptionHandler(KinlinkException.class)
	String kinlink(KinlinkException ex, Model model, HttpServletResponse response) {
		return show(model, response, ex.status().value(), ex.messageCode(), ex.arguments());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	String badRequest(Exception ex, Model model, HttpServletResponse response) {
		return show(model, response, 400, "error.badRequest", new Object[0]);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	String noResource(Model model, HttpServletResponse response) {
		return show(model, response, 404, "error.notFound", new Object[0]);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	String method(HttpServletRequest request, Model model, HttpServletResponse response) {
		if ("GET".equals(request.getMethod()) && request.getParameter("lang") != null) {
			// A language switch on a page that was the answer to a POST (a receipt, a status): start page instead.
			return request.getRequestURI().startsWith("/staff") ? "redirect:/staff" : "redirect:/";
		}
		return show(model, response, 405, "error.method", new Object[0]);
	}

	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.transaction.CannotCreateTransactionException.class,
			// the database went away during commit or rollback: nothing is known to be stored, the client retries
			org.springframework.transaction.TransactionSystemException.class })
	String unavailable(Model model, HttpServletResponse response) {
		log.warn("database unavailable");
		return show(model, response, 503, "error.unavailable", new Object[0]);
	}

	/**
	 * A change that met another one: optimistic versions, and deadlocks or lock timeouts the database broke.
	 * Nothing was written; the reader tries again.
	 */
	@ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
	String concurrent(Model model, HttpServletResponse response) {
		return show(model, response, 409, "error.concurrentChange", new Object[0]);
	}

	static String show(Model model, HttpServletResponse response, int status, String code, Object[] args) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("messageCode", code);
		model.addAttribute("messageArgs", args);
		log.debug("answered {} with {}", status, code);
		return VIEW;
	}

}
