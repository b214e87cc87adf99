package org.kinlink.media.speech;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.kinlink.shared.text.SafeText;

/**
 * The speech-to-text settings form: on or off, the server's base URL (https, or http on this machine only),
 * the model name, a new API key (blank keeps the stored one) or clearing it, and the version shown.
 */
record SpeechForm(boolean enabled,
		@NotBlank(message = "{transcripts.speech.urlRequired}") @SafeText(max = 300)
		@Pattern(regexp = "(https://[^\\s/?#]+|http://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d{1,5})?)(/[^\\s?#]*)?",
				message = "{transcripts.speech.badUrl}") String baseUrl,
		@NotBlank(message = "{transcripts.speech.modelRequired}") @SafeText(max = 100) String model,
		@SafeText(max = 500) String apiKey, boolean clearKey, int version) {
}
