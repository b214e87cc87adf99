package org.kinlink.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * S20: PostgreSQL stopped while a letter commits (seen in the crash harness: the commit failed, then the
 * rollback) gives 503 "try again", on pages and in the API, never a 500.
 */
class DatabaseDownProblemsTests {

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		mvc = MockMvcBuilders.standaloneSetup(new Page(), new Api())
			.setControllerAdvice(new ErrorPages(), new ApiProblems(messages))
			.build();
	}

	@Test
	void aPageWhoseCommitFailedAnswersUnavailable() throws Exception {
		mvc.perform(post("/page"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(view().name(ErrorPages.VIEW))
			.andExpect(model().attribute("messageCode", "error.unavailable"));
	}

	@Test
	void theApiWhoseCommitFailedAnswersUnavailable() throws Exception {
		mvc.perform(post("/api"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("error.unavailable"));
	}

	static TransactionSystemException failure() {
		return new TransactionSystemException("JDBC rollback failed");
	}

	@Controller
	static class Page {

		@PostMapping("/page")
		String fail() {
			throw failure();
		}

	}

	@RestController
	static class Api {

		@PostMapping("/api")
		String fail() {
			throw failure();
		}

	}

}
