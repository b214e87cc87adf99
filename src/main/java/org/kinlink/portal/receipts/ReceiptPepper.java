package org.kinlink.portal.receipts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receipt pepper: a secret that never enters the database, so a stolen database alone cannot be used to
 * test receipts. From KINLINK_RECEIPT_PEPPER (Base64, at least 32 bytes) or else a file under the data
 * directory created on first start with owner-only permissions.
 */
final class ReceiptPepper {

	static final int BYTES = 32;

	private static final Logger log = LoggerFactory.getLogger(ReceiptPepper.class);

	private ReceiptPepper() {
	}

	static byte[] load(String fromEnvironment, Path file) {
		return load(fromEnvironment, file, () -> false);
	}

	/** As above, but refuses to make a new pepper while receipts hashed with the old one exist. */
	static byte[] load(String fromEnvironment, Path file, java.util.function.BooleanSupplier receiptsExist) {
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			byte[] pepper = decode(fromEnvironment.strip());
			if (pepper.length < BYTES) {
				throw new IllegalStateException("KINLINK_RECEIPT_PEPPER must hold at least 32 bytes (Base64)");
			}
			return pepper;
		}
		try {
			if (Files.exists(file)) {
				byte[] pepper = Files.readAllBytes(file);
				if (pepper.length < BYTES) {
					throw new IllegalStateException("The receipt pepper file is too short: " + file);
				}
				return pepper;
			}
			if (receiptsExist.getAsBoolean()) {
				throw new IllegalStateException("The receipt pepper is missing (" + file
						+ " or KINLINK_RECEIPT_PEPPER) but receipts hashed with one exist: restore it from its backup");
			}
			return create(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("KINLINK_RECEIPT_PEPPER is not Base64", ex);
		}
	}

	private static byte[] create(Path file) throws IOException {
		byte[] pepper = new byte[BYTES];
		new SecureRandom().nextBytes(pepper);
		Files.createDirectories(file.getParent());
		boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
		if (posix) {
			Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Files.write(file, pepper, posix ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.CREATE_NEW);
		log.info("Created a new receipt pepper file; back it up apart from the database");
		return pepper;
	}

}
