package org.kinlink.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What staff may know of a file without opening it: kind, processing status (and, when quarantined, the
 * message key of the reason), size, digest, facts found while processing, and the renditions made so far.
 */
public record MediaFile(UUID id, UUID messageId, MediaKind kind, MediaStatus status, String problemKey, long size,
		String sha256, String contentType, Integer width, Integer height, Long durationMs, int pages,
		Instant receivedAt, List<Rendition> renditions) {

	public boolean has(Rendition rendition) {
		return renditions.contains(rendition);
	}

}
