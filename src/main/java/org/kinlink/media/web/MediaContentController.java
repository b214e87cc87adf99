package org.kinlink.media.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.media.MediaContent;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.Rendition;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Streams a rendition to staff, decrypted on the fly, with HTTP range requests (206, 416) so players can
 * seek; never cached, never sniffed by the browser, named by the server; every read is audited. Quarantined
 * files and originals are never served.
 */
@Controller
class MediaContentController {

	private static final int BUFFER = 64 * 1024;

	private final MediaFiles media;

	private final AuditTrail audit;

	MediaContentController(MediaFiles media, AuditTrail audit) {
		this.media = media;
		this.audit = audit;
	}

	@GetMapping("/staff/media/{fileId}/content/{kind}")
	@PreAuthorize("hasAnyRole('INTAKE','REVIEWER','ADMIN')")
	void content(@PathVariable UUID fileId, @PathVariable String kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String language, @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
			HttpServletResponse response) throws IOException {
		Rendition rendition = rendition(kind, page, language == null ? "" : language);
		MediaContent content = media.content(fileId, rendition);
		audit.record(AuditEvent.success("media.read", "media.file", fileId).withDetail(rendition.kind().name()));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.inline().filename(fileName(fileId, rendition, content.contentType())).build().toString());
		long size = content.size();
		Optional<ByteRange> requested = ByteRange.parse(range, size);
		if (requested.isPresent() && requested.get() == ByteRange.UNSATISFIABLE) {
			response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
			return;
		}
		ByteRange bytes = requested.orElse(new ByteRange(0, size - 1));
		response.setContentType(content.contentType());
		if (requested.isPresent()) {
			response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + bytes.first() + "-" + bytes.last() + "/" + size);
		}
		response.setContentLengthLong(Math.max(0, bytes.length()));
		if (size == 0) {
			return;
		}
		try (SeekableByteChannel channel = content.channel().get()) {
			copy(channel, bytes, response.getOutputStream());
		}
	}

	private static void copy(SeekableByteChannel channel, ByteRange bytes, OutputStream out) throws IOException {
		channel.position(bytes.first());
		ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
		long left = bytes.length();
		while (left > 0) {
			buffer.clear();
			if (left < BUFFER) {
				buffer.limit((int) left);
			}
			int read = channel.read(buffer);
			if (read < 0) {
				break;
			}
			out.write(buffer.array(), 0, read);
			left -= read;
		}
	}

	private static Rendition rendition(String kind, int page, String language) {
		Rendition.Kind parsed;
		try {
			parsed = Rendition.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new RecordNotFoundException();
		}
		if (page < 0 || page > 100_000 || !language.matches("[a-z]{0,3}")) {
			throw new RecordNotFoundException();
		}
		return new Rendition(parsed, page, language);
	}

	/** A name the server makes (the family's file name is never sent back): file, rendition, page, language. */
	static String fileName(UUID fileId, Rendition rendition, String contentType) {
		String extension = switch (contentType) {
			case "image/png" -> ".png";
			case "image/jpeg" -> ".jpg";
			case "audio/mp4" -> ".m4a";
			case "video/mp4" -> ".mp4";
			default -> ".bin";
		};
		StringBuilder name = new StringBuilder("kinlink-").append(fileId.toString(), 0, 8).append('-')
			.append(rendition.kind().name().toLowerCase(Locale.ROOT));
		if (rendition.page() > 0) {
			name.append("-p").append(rendition.page());
		}
		if (!rendition.language().isEmpty()) {
			name.append('-').append(rendition.language());
		}
		return name.append(extension).toString();
	}

}
