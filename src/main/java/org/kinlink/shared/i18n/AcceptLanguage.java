package org.kinlink.shared.i18n;

import java.util.List;
import java.util.Locale;

/** Picks the first language of an Accept-Language header that Kinlink speaks. */
final class AcceptLanguage {

	private AcceptLanguage() {
	}

	static Locale firstSupported(String header) {
		if (header == null || header.isBlank() || header.length() > 512) {
			return Languages.ENGLISH;
		}
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
			for (Locale.LanguageRange range : ranges) {
				Locale match = Languages.supported(range.getRange());
				if (match != null && range.getWeight() > 0) {
					return match;
				}
			}
		}
		catch (IllegalArgumentException malformed) {
			// a malformed header falls back to English, like a missing one
		}
		return Languages.ENGLISH;
	}

}
