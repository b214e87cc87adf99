package org.kinlink.storage.keys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.kinlink.storage.SealBrokenException;
import org.kinlink.storage.Vault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Envelope encryption with Tink: each record's AES-256-GCM data key is stored wrapped by the
 * key-encryption key; the key id is bound as associated data so wrapped keys cannot be swapped.
 */
@Service
class EnvelopeVault implements Vault {

	private final JdbcClient jdbc;

	private final Path kekFile;

	private final boolean kekFromEnvironment;

	private final boolean newKekFromEnvironment;

	/** The keyset and its primitive, replaced together by a key rotation in this process. */
	private volatile Kek kek;

	EnvelopeVault(JdbcClient jdbc, String kekFromEnvironment, Path dataDir) {
		this(jdbc, kekFromEnvironment, "", dataDir);
	}

	@Autowired
	EnvelopeVault(JdbcClient jdbc, @Value("${kinlink.kek:}") String kekFromEnvironment,
			@Value("${kinlink.new-kek:}") String newKekFromEnvironment, @Value("${kinlink.data-dir}") Path dataDir) {
		this.jdbc = jdbc;
		this.kekFile = dataDir.resolve("keys/kek.json");
		this.kekFromEnvironment = kekFromEnvironment != null && !kekFromEnvironment.isBlank();
		this.newKekFromEnvironment = newKekFromEnvironment != null && !newKekFromEnvironment.isBlank();
		if (this.newKekFromEnvironment && !this.kekFromEnvironment) {
			throw new IllegalStateException("KINLINK_NEW_KEK is set without KINLINK_KEK: the file key rotates by itself");
		}
		this.kek = kek(KeyEncryptionKey.loadKeyset(kekFromEnvironment, newKekFromEnvironment, kekFile,
				() -> anyDataKey().isPresent()));
		checkKeyOpensExistingData();
	}

	private record Kek(KeysetHandle keyset, Aead aead) {
	}

	private static Kek kek(KeysetHandle keyset) {
		return new Kek(keyset, KeyEncryptionKey.aead(keyset));
	}

	/** From now on wraps and opens with this keyset (a key rotation's steps). Not final: the bean is proxied. */
	void use(KeysetHandle keyset) {
		this.kek = kek(keyset);
	}

	KeysetHandle keyset() {
		return kek.keyset();
	}

	/** Where the key-encryption key lives in embedded mode (unused when it comes from the environment). */
	Path kekFile() {
		return kekFile;
	}

	boolean kekFromEnvironment() {
		return kekFromEnvironment;
	}

	boolean newKekFromEnvironment() {
		return newKekFromEnvironment;
	}

	/** Fails the start when the configured key is not the one that wrapped this database's data keys. */
	private void checkKeyOpensExistingData() {
		anyDataKey().ifPresent(row -> {
			try {
				TinkProtoKeysetFormat.parseEncryptedKeyset(row.wrapped(), keyEncryptionKey(), bind(row.id()));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("The key-encryption key does not open this database's data keys", ex);
			}
		});
	}

	private java.util.Optional<WrappedKey> anyDataKey() {
		boolean migrated = jdbc.sql("select to_regclass('storage.data_key') is not null").query(Boolean.class).single();
		if (!migrated) {
			return java.util.Optional.empty();
		}
		return jdbc.sql("select id, wrapped from storage.data_key limit 1")
			.query((rs, n) -> new WrappedKey(rs.getObject("id", UUID.class), rs.getBytes("wrapped")))
			.optional();
	}

	/** The key-encryption key, for wrapping other keys that must never leave without it (backup keys). */
	Aead keyEncryptionKey() {
		return kek.aead();
	}

	private record WrappedKey(UUID id, byte[] wrapped) {
	}

	@Override
	@Transactional
	public UUID newKey() {
		UUID id = UUID.randomUUID();
		try {
			KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keyEncryptionKey(), bind(id));
			jdbc.sql("insert into storage.data_key (id, wrapped) values (?, ?)").params(id, wrapped).update();
			return id;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A data key could not be created", ex);
		}
	}

	@Override
	public byte[] seal(UUID keyId, byte[] plaintext, String context) {
		try {
			return dataKey(keyId).encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new SealBrokenException("sealing failed", ex);
		}
	}

	@Override
	public byte[] open(UUID keyId, byte[] ciphertext, String context) {
		try {
			return dataKey(keyId).decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new SealBrokenException("sealed content does not open", ex);
		}
	}

	@Override
	@Transactional
	public void shred(UUID keyId) {
		jdbc.sql("delete from storage.data_key where id = ?").param(keyId).update();
	}

	private Aead dataKey(UUID keyId) throws GeneralSecurityException {
		byte[] wrapped = jdbc.sql("select wrapped from storage.data_key where id = ?")
			.param(keyId)
			.query(byte[].class)
			.optional()
			.orElseThrow(() -> new SealBrokenException("the data key is gone", null));
		KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keyEncryptionKey(), bind(keyId));
		return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	static byte[] bind(UUID keyId) {
		return ("kinlink.data-key:" + keyId).getBytes(StandardCharsets.UTF_8);
	}

}
