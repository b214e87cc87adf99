package org.kinlink.storage.web;

import jakarta.servlet.http.HttpServletResponse;

import org.kinlink.storage.SealBrokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page whose sealed content cannot be opened any more (its key was shredded by retention, or the bytes were
 * altered) answers 410 Gone with a page in the reader's language, never a 500 or exception text.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class SealBrokenPages {

	private static final Logger log = LoggerFactory.getLogger(SealBrokenPages.class);

	@ExceptionHandler(SealBrokenException.class)
	String gone(Model model, HttpServletResponse response) {
		log.warn("sealed content could not be opened (shredded or altered)");
		response.setStatus(HttpServletResponse.SC_GONE);
		model.addAttribute("status", HttpServletResponse.SC_GONE);
		model.addAttribute("messageCode", "retention.gone");
		model.addAttribute("messageArgs", new Object[0]);
		return "error/problem";
	}

}
