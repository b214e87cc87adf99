package org.kinlink.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person at a browser without JavaScript: keeps cookies, follows redirects, fills in and submits the forms
 * a page really has (hidden fields and the CSRF token included). Real HTTP against the running server.
 */
final class WebClient {

	private final HttpClient http;

	private final String base;

	private final String language;

	private Document page;

	private int status;

	WebClient(int port, String language) {
		this.base = "http://localhost:" + port;
		this.language = language;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	Document get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Submits the form matched by the selector with its own fields, overridden by the given values. */
	Document submit(String formSelector, Map<String, String> values) {
		return submit(formSelector, values, null);
	}

	/** Like {@link #submit(String, Map)}, with several values for one field (checkboxes of a set). */
	Document submit(String formSelector, Map<String, String> values, String multiField, String... multiValues) {
		Element form = page.selectFirst(formSelector);
		assertThat(form).as("form %s on %s", formSelector, page.location()).isNotNull();
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[name], textarea[name], select[name]")) {
			String type = input.attr("type");
			if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
				continue;
			}
			if (type.equals("submit") || input.hasAttr("disabled")) {
				continue;
			}
			String value = input.tagName().equals("textarea") ? input.text()
					: input.tagName().equals("select") ? selected(input) : input.val();
			fields.put(input.attr("name"), value);
		}
		fields.putAll(values);
		if (multiField != null) {
			fields.remove(multiField);
		}
		String action = form.attr("action").isEmpty() ? URI.create(page.location()).getPath() : form.attr("action");
		String body = fields.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		if (multiField != null) {
			for (String value : multiValues) {
				body += "&" + enc(multiField) + "=" + enc(value);
			}
		}
		return send(HttpRequest.newBuilder(URI.create(base).resolve(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Document submit(String formSelector) {
		return submit(formSelector, Map.of());
	}

	int status() {
		return status;
	}

	Document page() {
		return page;
	}

	private Document send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.header("Accept-Language", language).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			status = response.statusCode();
			page = Jsoup.parse(response.body(), response.uri().toString());
			assertThat(status).as("status of %s", response.uri()).isLessThan(500);
			return page;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String selected(Element select) {
		Element option = select.selectFirst("option[selected]");
		if (option == null) {
			option = select.selectFirst("option");
		}
		return option == null ? "" : option.val();
	}

	private static String enc(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}

}
