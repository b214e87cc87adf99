package org.kinlink.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * S20 after the controller (found by the crash harness: a staff page answered 500 while PostgreSQL restarted):
 * the session kept in the database is saved as the page is written, and when that save cannot reach the
 * database the reader gets 503 in their language, the headers already set kept, instead of a 500.
 */
class DatabaseDownFilterTests {

	private ResourceBundleMessageSource messages;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine templates = new SpringTemplateEngine();
		templates.setTemplateResolver(resolver);
		templates.setTemplateEngineMessageSource(messages);
		SessionRepositoryFilter<MapSession> sessions = new SessionRepositoryFilter<>(new DatabaseGone());
		mvc = MockMvcBuilders.standaloneSetup(new Pages())
			.addFilters((request, response, chain) -> {
				((HttpServletResponse) response).setHeader("X-Content-Type-Options", "nosniff");
				chain.doFilter(request, response);
			}, new DatabaseDownFilter(templates, messages, new CookieLocaleResolver("lang")), sessions)
			.build();
	}

	@Test
	void aPageWhoseSessionCannotBeSavedAnswersUnavailableInTheReadersLanguage() throws Exception {
		MvcResult result = mvc.perform(get("/staff/page").locale(Locale.forLanguageTag("fa")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Retry-After", "30"))
			.andReturn();
		String page = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("dir=\"rtl\"")
			.contains(messages.getMessage("error.unavailable", null, Locale.forLanguageTag("fa")))
			.doesNotContain("half-written page")
			.doesNotContain("CannotCreateTransactionException");
	}

	@Test
	void theApiAnswersProblemDetails() throws Exception {
		mvc.perform(get("/api/v1/thing").locale(Locale.forLanguageTag("sq")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("error.unavailable"))
			.andExpect(jsonPath("$.detail").value(messages.getMessage("error.unavailable", null, Locale.forLanguageTag("sq"))));
	}

	@Test
	void otherFailuresAreNotTakenForTheDatabase() {
		assertThat(DatabaseDownFilter.databaseDown(new IllegalStateException("x", new IOException("y")))).isFalse();
		assertThat(DatabaseDownFilter.databaseDown(new RuntimeException(new CannotCreateTransactionException("down")))).isTrue();
		assertThatThrownBy(() -> mvc.perform(get("/staff/broken"))).hasRootCauseInstanceOf(IllegalArgumentException.class);
	}

	/** A session store whose database is gone: every save fails as JDBC's does. */
	static final class DatabaseGone extends MapSessionRepository {

		DatabaseGone() {
			super(new java.util.concurrent.ConcurrentHashMap<>());
		}

		@Override
		public void save(MapSession session) {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
		}

	}

	@RestController
	static class Pages {

		@GetMapping("/staff/page")
		void page(HttpSession session, HttpServletResponse response) throws IOException {
			session.setAttribute("seen", Map.of("page", 1));
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write("half-written page");
			response.getWriter().flush(); // the response commits: the session is saved now
		}

		@GetMapping("/api/v1/thing")
		void api(HttpSession session, HttpServletResponse response) throws IOException {
			session.setAttribute("seen", 1);
			response.setContentType("application/json");
			response.getWriter().write("{}");
			response.getWriter().flush();
		}

		@GetMapping("/staff/broken")
		String broken() {
			throw new IllegalArgumentException("not the database");
		}

	}

}
