package org.kinlink.media.speech;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.kinlink.shared.text.SafeText;

/**
 * The speech-to-text settings form: on or off, the server's base URL (https, or http on this machine only),
 * the model name, a new API key (blank keeps the stored one) or clearing it, and the version shown.
 */
record SpeechForm(Boolean enabled,
		@NotBlank(message = "{transcripts.speech.urlRequired}") @SafeText(max = 300)
		@Pattern(regexp = "(https://[^\\s/?#]+|http://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d{1,5})?)(/[^\\s?#]*)?",
				message = "{transcripts.speech.badUrl}") String baseUrl,
		@NotBlank(message = "{transcripts.speech.modelRequired}") @SafeText(max = 100) String model,
		@SafeText(max = 500) String apiKey, Boolean clearKey, Integer version) {

	boolean on() {
		return Boolean.TRUE.equals(enabled);
	}

	boolean clearing() {
		return Boolean.TRUE.equals(clearKey);
	}

	int shownVersion() {
		return version == null ? -1 : version;
	}

}
