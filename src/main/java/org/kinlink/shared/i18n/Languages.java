package org.kinlink.shared.i18n;

import java.util.List;
import java.util.Locale;

/** The languages Kinlink speaks on every screen, in every mail and document. */
public final class Languages {

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final Locale PERSIAN = Locale.forLanguageTag("fa");

	public static final Locale ALBANIAN = Locale.forLanguageTag("sq");

	public static final List<Locale> SUPPORTED = List.of(ENGLISH, PERSIAN, ALBANIAN);

	private Languages() {
	}

	public static boolean isRightToLeft(Locale locale) {
		return locale != null && "fa".equals(locale.getLanguage());
	}

	/** The supported language for a tag such as "fa-IR" or "sq", or null when Kinlink does not speak it. */
	public static Locale supported(String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		String language = Locale.forLanguageTag(tag.strip()).getLanguage();
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
	}

}
