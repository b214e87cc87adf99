package org.kinlink.storage.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * database.
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
		try {
			AeadConfig.register();
			String json;
			if (fromEnvironment != null && !fromEnvironment.isBlank()) {
				json = new String(Base64.getDecoder().decode(fromEnvironment.strip()), StandardCharsets.UTF_8);
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
			return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The key-encryption key cannot be read", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
