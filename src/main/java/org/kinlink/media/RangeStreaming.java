package org.kinlink.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;


/**
 * Streams decrypted media over HTTP with single-range requests (players seek, downloads resume), never cached
 * (Cache-Control: no-store). A range that cannot be served gets 416; a multi-range request gets the whole body.
 */
public final class RangeStreaming {

	private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

	private RangeStreaming() {
	}

	public static void stream(MediaContent content, HttpServletRequest request, HttpServletResponse response) throws IOException {
		long size = content.size();
		long from = 0;
		long to = size - 1;
		boolean partial = false;
		String range = request.getHeader("Range");
		if (range != null) {
			Matcher matcher = RANGE.matcher(range.trim());
			if (matcher.matches() && !(matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
				if (matcher.group(1).isEmpty()) {
					from = Math.max(0, size - Long.parseLong(matcher.group(2)));
				}
				else {
					from = Long.parseLong(matcher.group(1));
					if (!matcher.group(2).isEmpty()) {
						to = Math.min(to, Long.parseLong(matcher.group(2)));
					}
				}
				partial = true;
			}
		}
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Accept-Ranges", "bytes");
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (partial && (from > to || from >= size)) {
			response.setHeader("Content-Range", "bytes */" + size);
			response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
			return;
		}
		long length = size == 0 ? 0 : to - from + 1;
		response.setContentType(content.contentType());
		response.setContentLengthLong(length);
		if (partial) {
			response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
			response.setHeader("Content-Range", "bytes " + from + "-" + to + "/" + size);
		}
		if ("HEAD".equals(request.getMethod()) || length == 0) {
			return;
		}
		try (SeekableByteChannel in = content.channel().get()) {
			copy(in, from, length, response.getOutputStream());
		}
	}

	/** Copies {@code length} bytes from position {@code from} of the channel (fewer if it ends first). */
	public static void copy(SeekableByteChannel in, long from, long length, OutputStream out) throws IOException {
		in.position(from);
		ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
		long left = length;
		while (left > 0) {
			buffer.clear();
			if (left < buffer.capacity()) {
				buffer.limit((int) left);
			}
			int read = in.read(buffer);
			if (read < 0) {
				break;
			}
			out.write(buffer.array(), 0, read);
			left -= read;
		}
	}

}
