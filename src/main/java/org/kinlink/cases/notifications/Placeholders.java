package org.kinlink.cases.notifications;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed set of placeholders a notification template may use, and their plain substitution: no template
 * engine ever runs on text the administrator typed, so a template cannot reach anything but these values.
 */
public final class Placeholders {

	/** Every placeholder name a template may contain, in braces. */
	public static final List<String> NAMES = List.of("reference", "name_latin", "name_persian", "father_name",
			"birth_year", "departed_on", "departure_place", "reached_safety", "reported_by", "association");

	/** Shown where the case has no value for a placeholder (e.g. an unknown father's name). */
	static final String MISSING = "—";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	private Placeholders() {
	}

	/** The placeholders in the text that are not in {@link #NAMES}, in the order they first appear. */
	public static Set<String> unknown(String text) {
		Set<String> unknown = new LinkedHashSet<>();
		if (text == null) {
			return unknown;
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			if (!NAMES.contains(matcher.group(1))) {
				unknown.add(matcher.group(1));
			}
		}
		return unknown;
	}

	/** The text with each known placeholder replaced by its value (blank or absent values by {@link #MISSING}). */
	public static String fill(String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String replacement;
			if (NAMES.contains(name)) {
				String value = values.get(name);
				replacement = value == null || value.isBlank() ? MISSING : value;
			}
			else {
				replacement = matcher.group();
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
