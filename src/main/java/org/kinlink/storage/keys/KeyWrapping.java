package org.kinlink.storage.keys;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;

import org.springframework.stereotype.Component;

/**
 * Wraps a Tink keyset under the key-encryption key (and opens it again), for keys that live outside the
 * database, such as the per-backup keys: a wrapped key is worth nothing without the key-encryption key.
 */
@Component
public class KeyWrapping {

	private final EnvelopeVault vault;

	KeyWrapping(EnvelopeVault vault) {
		this.vault = vault;
	}

	/** The keyset encrypted under the key-encryption key, bound to {@code associatedData}. */
	public byte[] wrap(KeysetHandle keyset, byte[] associatedData) throws GeneralSecurityException {
		return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, vault.keyEncryptionKey(), associatedData);
	}

	/** Opens what {@link #wrap} made; fails when the key-encryption key or the associated data differ. */
	public KeysetHandle unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException {
		return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, vault.keyEncryptionKey(), associatedData);
	}

}
