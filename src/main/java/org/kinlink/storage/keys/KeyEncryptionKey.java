package org.kinlink.storage.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;
import java.util.function.BooleanSupplier;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-encryption key: from KINLINK_KEK (a Tink JSON keyset, Base64) in production, or from a keyset
 * file under the data directory that is created on first start in embedded mode. It never enters the
 * database. While a rotation is under way in production, KINLINK_NEW_KEK holds the next key and both are used
 * ({@link #joined}); {@link KeyRotation} describes the steps.
 */
final class KeyEncryptionKey {

	private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKey.class);

	private KeyEncryptionKey() {
	}

	/**
	 * Loads the key, or creates one on a first start. Refuses to create one when sealed data already exists
	 * (dataExists): a new key could open none of it, so a missing key is an operator's error to report, not to
	 * paper over.
	 */
	static Aead load(String fromEnvironment, Path keysetFile, BooleanSupplier dataExists) {
		return aead(loadKeyset(fromEnvironment, "", keysetFile, dataExists));
	}

	/**
	 * The keyset as above; with {@code newFromEnvironment} (KINLINK_NEW_KEK, during a rotation in production)
	 * the two are joined: the new key is primary (it wraps every new data key) and the old keys still open
	 * what they wrapped until {@code rotate-kek} has wrapped it again.
	 */
	static KeysetHandle loadKeyset(String fromEnvironment, String newFromEnvironment, Path keysetFile,
			BooleanSupplier dataExists) {
		try {
			AeadConfig.register();
			String json;
			if (fromEnvironment != null && !fromEnvironment.isBlank()) {
				json = decode(fromEnvironment);
			}
			else if (Files.exists(keysetFile)) {
				json = Files.readString(keysetFile);
			}
			else if (dataExists.getAsBoolean()) {
				throw new IllegalStateException("The key-encryption key is missing (" + keysetFile
						+ " or KINLINK_KEK) but the database holds data keys wrapped by one: restore the key from its backup");
			}
			else {
				json = create(keysetFile);
			}
			KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
			if (newFromEnvironment != null && !newFromEnvironment.isBlank()) {
				KeysetHandle next = TinkJsonProtoKeysetFormat.parseKeyset(decode(newFromEnvironment),
						InsecureSecretKeyAccess.get());
				handle = joined(handle, next);
			}
			return handle;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The key-encryption key cannot be read", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Aead aead(KeysetHandle keyset) {
		try {
			return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The key-encryption key cannot be used", ex);
		}
	}

	/** A new key-encryption key: one AES-256-GCM key. */
	static KeysetHandle generate() throws GeneralSecurityException {
		AeadConfig.register();
		return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
	}

	/**
	 * The old keys (enabled, not primary) and the new keyset's primary as primary: opens what either wrapped
	 * and wraps under the new key only. Keys the new keyset already holds are not added twice.
	 */
	static KeysetHandle joined(KeysetHandle old, KeysetHandle next) throws GeneralSecurityException {
		KeysetHandle.Builder builder = KeysetHandle.newBuilder();
		java.util.Set<Integer> ids = new java.util.HashSet<>();
		KeysetHandle.Entry primary = next.getPrimary();
		builder.addEntry(KeysetHandle.importKey(primary.getKey()).withFixedId(primary.getId()).makePrimary());
		ids.add(primary.getId());
		for (KeysetHandle handle : java.util.List.of(old, next)) {
			for (int i = 0; i < handle.size(); i++) {
				KeysetHandle.Entry entry = handle.getAt(i);
				if (ids.add(entry.getId())) {
					builder.addEntry(KeysetHandle.importKey(entry.getKey()).withFixedId(entry.getId()));
				}
			}
		}
		return builder.build();
	}

	/** Only the primary key of the keyset: what a rotation wraps under, and what stays afterwards. */
	static KeysetHandle primaryOnly(KeysetHandle keyset) throws GeneralSecurityException {
		KeysetHandle.Entry primary = keyset.getPrimary();
		return KeysetHandle.newBuilder()
			.addEntry(KeysetHandle.importKey(primary.getKey()).withFixedId(primary.getId()).makePrimary())
			.build();
	}

	static String json(KeysetHandle keyset) throws GeneralSecurityException {
		return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
	}

	/**
	 * Replaces the keyset file atomically: written under a temporary name in the same folder, forced to disk,
	 * moved over the file and the folder forced, so a crash leaves the old file or the new one, whole.
	 */
	static void writeAtomically(Path keysetFile, KeysetHandle keyset) throws GeneralSecurityException, IOException {
		Path folder = keysetFile.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path temporary = folder.resolve("." + keysetFile.getFileName() + ".new");
		Files.deleteIfExists(temporary);
		writeDurably(temporary, json(keyset));
		Files.move(temporary, keysetFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		forceFolder(folder);
	}

	/** Writes a new owner-only file and forces it to disk. */
	static void writeDurably(Path file, String content) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			trySetOwnerOnly(file, "rw-------");
			channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
			channel.force(true);
		}
	}

	static void forceFolder(Path folder) {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// not every platform opens a folder; the move is atomic either way
		}
	}

	private static String decode(String base64) {
		return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
	}

	private static String create(Path keysetFile) throws GeneralSecurityException, IOException {
		KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
		Files.createDirectories(keysetFile.getParent());
		trySetOwnerOnly(keysetFile.getParent(), "rwx------");
		Files.writeString(keysetFile, json, StandardOpenOption.CREATE_NEW);
		trySetOwnerOnly(keysetFile, "rw-------");
		log.info("Created a new key-encryption key file; back it up apart from the database");
		return json;
	}

	private static void trySetOwnerOnly(Path path, String permissions) throws IOException {
		if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Set<java.nio.file.attribute.PosixFilePermission> perms = PosixFilePermissions.fromString(permissions);
			Files.setPosixFilePermissions(path, perms);
		}
	}

}
