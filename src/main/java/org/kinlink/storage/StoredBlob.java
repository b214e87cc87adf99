package org.kinlink.storage;

import java.util.UUID;

/**
 * A committed blob: its id, the record key it belongs to, its plaintext size and SHA-256 (hex) of the plaintext.
 */
public record StoredBlob(UUID id, UUID keyId, long size, String sha256) {
}
