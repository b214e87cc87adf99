package org.kinlink.storage.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

/**
 * The backup file: one plain header line {@code KINLINK-BACKUP 1 <backup id>} and then a zip stream encrypted
 * with Tink streaming AEAD (AES-256-GCM-HKDF, 1 MB segments) under the backup's own key, the header bound as
 * associated data. Inside: {@code db/<schema>.<table>} (PostgreSQL binary COPY), {@code blobs/<object name>}
 * (the blob store's ciphertext as it is) and {@code manifest.properties} last.
 */
final class Archive {

	static final int FORMAT = 1;

	static final String MAGIC = "KINLINK-BACKUP";

	static final String MANIFEST = "manifest.properties";

	static final String DB = "db/";

	static final String BLOBS = "blobs/";

	private static final int HEADER_LENGTH = MAGIC.length() + 3 + 36 + 1;

	static {
		try {
			StreamingAeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private Archive() {
	}

	static KeysetHandle newKey() throws GeneralSecurityException {
		return KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
	}

	static byte[] header(UUID backupId) {
		return (MAGIC + " " + FORMAT + " " + backupId + "\n").getBytes(StandardCharsets.US_ASCII);
	}

	static OutputStream encrypting(KeysetHandle key, OutputStream file, UUID backupId)
			throws GeneralSecurityException, IOException {
		byte[] header = header(backupId);
		file.write(header);
		return key.getPrimitive(RegistryConfiguration.get(), StreamingAead.class).newEncryptingStream(file, header);
	}

	/** Reads the header and returns the backup id; a clear failure when the file is no Kinlink backup. */
	static UUID readHeader(InputStream file) throws IOException {
		byte[] header = file.readNBytes(HEADER_LENGTH);
		String text = new String(header, StandardCharsets.US_ASCII);
		String prefix = MAGIC + " ";
		if (header.length < HEADER_LENGTH || !text.startsWith(prefix) || text.charAt(HEADER_LENGTH - 1) != '\n') {
			throw BackupFailure.of("backup.error.not-a-backup");
		}
		if (!text.startsWith(prefix + FORMAT + " ")) {
			throw BackupFailure.of("backup.error.format", text.substring(prefix.length(), prefix.length() + 1));
		}
		try {
			return UUID.fromString(text.substring(prefix.length() + 2, HEADER_LENGTH - 1));
		}
		catch (IllegalArgumentException ex) {
			throw new BackupFailure("backup.error.not-a-backup", ex);
		}
	}

	static InputStream decrypting(KeysetHandle key, InputStream afterHeader, UUID backupId)
			throws GeneralSecurityException, IOException {
		return key.getPrimitive(RegistryConfiguration.get(), StreamingAead.class)
			.newDecryptingStream(afterHeader, header(backupId));
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hex(MessageDigest digest) {
		return HexFormat.of().formatHex(digest.digest());
	}

}
