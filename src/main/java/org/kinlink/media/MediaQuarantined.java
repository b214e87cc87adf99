package org.kinlink.media;

import java.util.UUID;

/** A file was refused by processing (wrong type, damaged, too large when decoded) and is kept aside. */
public record MediaQuarantined(UUID fileId, UUID messageId) {
}
