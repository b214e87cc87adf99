package org.kinlink.media.transcripts;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinlink.shared.text.PersianText;

/** Cue times as staff type and read them: minutes:seconds.milliseconds (01:05.250); Persian digits accepted. */
final class CueTimes {

	private static final Pattern TIME = Pattern.compile("(\\d{1,4}):([0-5]\\d)(?:[.,](\\d{1,3}))?");

	private CueTimes() {
	}

	static OptionalLong parse(String typed) {
		if (typed == null) {
			return OptionalLong.empty();
		}
		Matcher matcher = TIME.matcher(PersianText.latinDigits(typed.strip()).replace('٫', '.'));
		if (!matcher.matches()) {
			return OptionalLong.empty();
		}
		String fraction = matcher.group(3) == null ? "0" : (matcher.group(3) + "00").substring(0, 3);
		return OptionalLong.of(Long.parseLong(matcher.group(1)) * 60_000 + Long.parseLong(matcher.group(2)) * 1000
				+ Long.parseLong(fraction));
	}

	static String format(long ms) {
		return String.format(Locale.ROOT, "%02d:%02d.%03d", ms / 60_000, (ms / 1000) % 60, ms % 1000);
	}

}
