package org.kinlink.storage;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Seals and opens the content of one record under that record's own data key (AEAD). The context names
 * what the bytes are (e.g. "messages.letter") and is bound to the ciphertext, so a sealed value cannot be
 * moved to another field or record unnoticed. Destroying a key makes everything sealed under it unreadable,
 * backups included.
 */
public interface Vault {

	/** Creates a data key for a new record and returns its id. */
	UUID newKey();

	byte[] seal(UUID keyId, byte[] plaintext, String context);

	/** Opens what {@link #seal} made; throws {@link SealBrokenException} if it was altered or the key is gone. */
	byte[] open(UUID keyId, byte[] ciphertext, String context);

	/** Destroys the record's key: crypto-shredding. Idempotent. */
	void shred(UUID keyId);

	default byte[] sealText(UUID keyId, String plaintext, String context) {
		return plaintext == null ? null : seal(keyId, plaintext.getBytes(StandardCharsets.UTF_8), context);
	}

	default String openText(UUID keyId, byte[] ciphertext, String context) {
		return ciphertext == null ? null : new String(open(keyId, ciphertext, context), StandardCharsets.UTF_8);
	}

}
