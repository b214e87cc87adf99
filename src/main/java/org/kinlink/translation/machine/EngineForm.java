package org.kinlink.translation.machine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.kinlink.shared.text.PersianText;
import org.kinlink.shared.text.SafeText;

/**
 * The administrator's form for the engine of one language pair: protocol, the name shown with its suggestions,
 * base URL (http or https, no credentials, query or fragment), model (for chat completions), time-out in seconds
 * (1 to 120), on or off, the host confirmed after the warning, a new API key (blank keeps the stored one) or
 * clearing it, and the version shown.
 */
record EngineForm(
		@NotBlank(message = "{machine.engine.kindRequired}")
		@Pattern(regexp = "LIBRETRANSLATE|CHAT_COMPLETIONS", message = "{machine.engine.badKind}") String kind,
		@NotBlank(message = "{machine.engine.nameRequired}") @SafeText(max = 60) String name,
		@NotBlank(message = "{machine.engine.urlRequired}") @SafeText(max = 300) String baseUrl,
		@SafeText(max = 100) String model,
		@NotBlank(message = "{machine.engine.timeoutRequired}") @SafeText(max = 10) String timeoutSeconds,
		Boolean enabled, @SafeText(max = 300) String confirmedHost, @SafeText(max = 500) String apiKey, Boolean clearKey,
		Integer version) {

	static final int MAX_TIMEOUT_SECONDS = 120;

	static EngineForm of(EngineSettings.Engine engine) {
		return new EngineForm(engine.kind().name(), engine.name(), engine.baseUrl(), engine.model(),
				String.valueOf(engine.timeout().toSeconds()), engine.enabled(), null, null, false, engine.version());
	}

	static EngineForm empty() {
		return new EngineForm(EngineKind.LIBRETRANSLATE.name(), "", "", "", "20", false, null, null, false, 0);
	}

	boolean on() {
		return Boolean.TRUE.equals(enabled);
	}

	boolean clearing() {
		return Boolean.TRUE.equals(clearKey);
	}

	int shownVersion() {
		return version == null ? -1 : version;
	}

	EngineKind engineKind() {
		return EngineKind.valueOf(kind);
	}

	/** The time-out in seconds (Persian digits accepted), or -1 when it is not a number. */
	int seconds() {
		String digits = PersianText.latinDigits(timeoutSeconds == null ? "" : timeoutSeconds.strip());
		return digits.matches("\\d{1,3}") ? Integer.parseInt(digits) : -1;
	}

	/** The message code of what is wrong with the base URL, or null when it is fine. */
	static String urlProblem(String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			return "machine.engine.badUrl";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return "machine.engine.urlScheme";
		}
		if (uri.getRawUserInfo() != null) {
			return "machine.engine.urlCredentials";
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return "machine.engine.badUrl";
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			return "machine.engine.urlQuery";
		}
		return null;
	}

}
