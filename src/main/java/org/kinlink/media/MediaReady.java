package org.kinlink.media;

import java.util.UUID;

/** Processing of a file finished: its renditions (and, for scans, the OCR draft) are there. */
public record MediaReady(UUID fileId, UUID messageId) {
}
