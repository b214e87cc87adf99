package org.kinlink.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A deadlock the database broke, a lock it could not get or a version that moved: the page and the API both
 * answer 409 in the reader's language, never 500 (a deadlock once reached a caseworker as a server error).
 */
class ConcurrencyProblemsTests {

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

	@ParameterizedTest
	@ValueSource(strings = { "deadlock", "lock", "version" })
	void aPageAnswersConflict(String kind) throws Exception {
		mvc.perform(post("/page/" + kind))
			.andExpect(status().isConflict())
			.andExpect(view().name(ErrorPages.VIEW))
			.andExpect(model().attribute("messageCode", "error.concurrentChange"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "deadlock", "lock", "version" })
	void theApiAnswersConflictInTheClientsLanguage(String kind) throws Exception {
		mvc.perform(post("/api/" + kind).locale(Locale.forLanguageTag("sq")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("error.concurrentChange"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Dikush tjetër")));
	}

	static ConcurrencyFailureException failure(String kind) {
		return switch (kind) {
			case "deadlock" -> new PessimisticLockingFailureException("ERROR: deadlock detected");
			case "lock" -> new CannotAcquireLockException("lock timeout");
			default -> new OptimisticLockingFailureException("changed meanwhile");
		};
	}

	@Controller
	static class Page {

		@PostMapping("/page/{kind}")
		String fail(@PathVariable String kind) {
			throw failure(kind);
		}

	}

	@RestController
	static class Api {

		@PostMapping("/api/{kind}")
		String fail(@PathVariable String kind) {
			throw failure(kind);
		}

	}

}
