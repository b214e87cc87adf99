package org.kinlink.media.sniff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.kinlink.media.MediaKind;

import org.springframework.stereotype.Component;

/**
 * Types a file by its magic bytes alone (Apache Tika's signatures; the name the family gave is never looked
 * at) and keeps only the allowlist: JPEG, PNG, HEIC/HEIF, PDF, MP4/M4A, MP3, Ogg/Opus, MP4, QuickTime, 3GP,
 * WebM and Matroska.
 */
@Component
public class Sniffer {

	/** How many leading bytes the signatures need at most. */
	public static final int HEAD_BYTES = 64 * 1024;

	private static final Map<String, Sniffed> ALLOWED = Map.ofEntries(
			entry("image/jpeg", MediaKind.IMAGE, "jpeg_pipe"),
			entry("image/png", MediaKind.IMAGE, "png_pipe"),
			entry("image/heic", MediaKind.IMAGE, "mov"),
			entry("image/heif", MediaKind.IMAGE, "mov"),
			entry("image/heic-sequence", MediaKind.IMAGE, "mov"),
			entry("image/heif-sequence", MediaKind.IMAGE, "mov"),
			entry("application/pdf", MediaKind.DOCUMENT, ""),
			entry("audio/mp4", MediaKind.AUDIO, "mov"),
			entry("audio/x-m4a", MediaKind.AUDIO, "mov"),
			entry("audio/m4a", MediaKind.AUDIO, "mov"),
			entry("audio/mpeg", MediaKind.AUDIO, "mp3"),
			entry("audio/ogg", MediaKind.AUDIO, "ogg"),
			entry("audio/opus", MediaKind.AUDIO, "ogg"),
			entry("audio/vorbis", MediaKind.AUDIO, "ogg"),
			entry("application/ogg", MediaKind.AUDIO, "ogg"),
			entry("video/mp4", MediaKind.VIDEO, "mov"),
			entry("video/x-m4v", MediaKind.VIDEO, "mov"),
			entry("video/quicktime", MediaKind.VIDEO, "mov"),
			entry("video/3gpp", MediaKind.VIDEO, "mov"),
			entry("video/3gpp2", MediaKind.VIDEO, "mov"),
			entry("video/webm", MediaKind.VIDEO, "matroska"),
			entry("video/x-matroska", MediaKind.VIDEO, "matroska"),
			entry("application/x-matroska", MediaKind.VIDEO, "matroska"));

	private final MimeTypes signatures = MimeTypes.getDefaultMimeTypes();

	/** The allowed type of these first bytes (at most {@link #HEAD_BYTES}), or empty when it is not allowed. */
	public Optional<Sniffed> sniff(byte[] head) {
		if (head.length == 0) {
			return Optional.empty();
		}
		MediaType type;
		try {
			// No resource name in the metadata: Tika decides by the bytes alone.
			type = signatures.detect(new ByteArrayInputStream(head), new Metadata());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Optional.ofNullable(ALLOWED.get(type.getBaseType().toString()));
	}

	/** The demuxer forced on a file of this (allowed, canonical) content type. */
	public static String demuxer(String contentType) {
		return ALLOWED.values().stream()
			.filter(sniffed -> sniffed.contentType().equals(contentType))
			.map(Sniffed::demuxer)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("not an allowed type"));
	}

	private static Map.Entry<String, Sniffed> entry(String type, MediaKind kind, String demuxer) {
		String canonical = switch (type) {
			case "audio/x-m4a", "audio/m4a" -> "audio/mp4";
			case "application/ogg", "audio/vorbis", "audio/opus" -> "audio/ogg";
			case "video/x-m4v" -> "video/mp4";
			case "application/x-matroska" -> "video/x-matroska";
			case "image/heic-sequence" -> "image/heic";
			case "image/heif-sequence" -> "image/heif";
			default -> type;
		};
		return Map.entry(type, new Sniffed(canonical, kind, demuxer));
	}

}
