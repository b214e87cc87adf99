package org.kinlink.media;

import java.util.UUID;

/** Staff approved a file's transcript: translation can open tasks on its segments. */
public record TranscriptApproved(UUID fileId, UUID messageId) {
}
