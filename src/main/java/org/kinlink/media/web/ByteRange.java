package org.kinlink.media.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of an HTTP Range header (RFC 9110): "bytes=first-last", "bytes=first-" or "bytes=-suffix". A
 * header that is absent, malformed or asks for several ranges is ignored (the whole file is sent); a range
 * that starts past the end is unsatisfiable (416).
 */
record ByteRange(long first, long last) {

	private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

	long length() {
		return last - first + 1;
	}

	/** Empty: send it all; {@link #UNSATISFIABLE}: answer 416; otherwise the bytes to send. */
	static Optional<ByteRange> parse(String header, long size) {
		if (header == null) {
			return Optional.empty();
		}
		Matcher matcher = SINGLE.matcher(header.strip());
		if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
			return Optional.empty();
		}
		if (matcher.group(1).isEmpty()) {
			long suffix = Long.parseLong(matcher.group(2));
			if (suffix == 0 || size == 0) {
				return Optional.of(UNSATISFIABLE);
			}
			return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
		}
		long first = Long.parseLong(matcher.group(1));
		long last = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(matcher.group(2)));
		if (first >= size || last < first) {
			return Optional.of(UNSATISFIABLE);
		}
		return Optional.of(new ByteRange(first, last));
	}

	static final ByteRange UNSATISFIABLE = new ByteRange(-1, -2);

}
