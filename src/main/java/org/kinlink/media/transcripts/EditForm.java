package org.kinlink.media.transcripts;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinlink.shared.text.PersianText;

import org.springframework.util.MultiValueMap;

/**
 * What the editor sends: the version it was opened at, per segment number its text (and for cues its start
 * and end as typed), and which segment's delete button was pressed, if any. Read by hand rather than by the
 * data binder, whose list binding fails on a crafted index; numbers beyond {@link #MAX_SEGMENTS} are ignored.
 */
record EditForm(int version, Map<Integer, Typed> segments, Integer delete) {

	static final int MAX_SEGMENTS = 10_000;

	private static final Pattern FIELD = Pattern.compile("(texts|starts|ends)\\[(\\d{1,5})]");

	/** One segment as typed. */
	record Typed(String text, String start, String end) {
	}

	static EditForm from(MultiValueMap<String, String> params) {
		Map<Integer, String[]> fields = new TreeMap<>();
		params.forEach((name, values) -> {
			Matcher matcher = FIELD.matcher(name);
			if (matcher.matches() && Integer.parseInt(matcher.group(2)) < MAX_SEGMENTS && !values.isEmpty()) {
				String[] typed = fields.computeIfAbsent(Integer.parseInt(matcher.group(2)), seq -> new String[3]);
				int slot = switch (matcher.group(1)) {
					case "texts" -> 0;
					case "starts" -> 1;
					default -> 2;
				};
				typed[slot] = PersianText.normalize(values.get(0));
			}
		});
		Map<Integer, Typed> segments = new TreeMap<>();
		fields.forEach((seq, typed) -> segments.put(seq, new Typed(typed[0], typed[1], typed[2])));
		return new EditForm(number(params.getFirst("version")), segments, deleteOf(params.getFirst("delete")));
	}

	private static int number(String value) {
		try {
			return value == null ? -1 : Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static Integer deleteOf(String value) {
		int seq = number(value);
		return seq > 0 ? seq : null;
	}

}
