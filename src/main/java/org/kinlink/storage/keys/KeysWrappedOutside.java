package org.kinlink.storage.keys;

import java.security.GeneralSecurityException;

/**
 * Keys wrapped by the key-encryption key that live outside {@code storage.data_key} (the per-backup keys):
 * a key rotation wraps them again too ({@link KeyRotation}).
 */
public interface KeysWrappedOutside {

	/**
	 * Wraps every key again through {@code rewrap}, each replaced atomically and durably; returns how many
	 * changed. Must be idempotent: a rotation that stopped halfway runs it again.
	 */
	int rewrap(Rewrap rewrap);

	/** Turns a wrapped key into the same key wrapped under the new key-encryption key. */
	@FunctionalInterface
	interface Rewrap {

		/** The key wrapped again, or null when it already is under the new key-encryption key. */
		byte[] apply(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException;

	}

}
