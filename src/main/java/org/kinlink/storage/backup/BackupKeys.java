package org.kinlink.storage.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.crypto.tink.KeysetHandle;
import org.kinlink.storage.keys.KeyWrapping;
import org.kinlink.storage.keys.KeysWrappedOutside;

/**
 * One key per backup, in a folder next to the key-encryption key and never in the database or the backup:
 * {@code <created epoch second>-<backup id>.key}, the keyset wrapped by the key-encryption key. Deleting the
 * file (pruning after the keep period) makes the backup unreadable: crypto-shredding for backups (S7).
 */
final class BackupKeys {

	private static final Pattern FILE = Pattern.compile("(\\d+)-([0-9a-f-]{36})\\.key");

	private final Path folder;

	private final KeyWrapping wrapping;

	BackupKeys(Path folder, KeyWrapping wrapping) {
		this.folder = folder.toAbsolutePath().normalize();
		this.wrapping = wrapping;
	}

	Path folder() {
		return folder;
	}

	/** Stores the new backup's key (durably) and returns its file, to be deleted if the backup fails. */
	Path store(UUID backupId, Instant created, KeysetHandle key) {
		try {
			Files.createDirectories(folder);
			setOwnerOnly(folder, "rwx------");
			Path file = folder.resolve(created.getEpochSecond() + "-" + backupId + ".key");
			byte[] wrapped = wrapping.wrap(key, bind(backupId));
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				channel.write(java.nio.ByteBuffer.wrap(wrapped));
				channel.force(true);
			}
			setOwnerOnly(file, "rw-------");
			return file;
		}
		catch (GeneralSecurityException ex) {
			throw new BackupFailure("backup.error.key", ex);
		}
		catch (IOException ex) {
			throw new BackupFailure("backup.error.key-folder", ex, folder.toString());
		}
	}

	/** The backup's key; a clear failure when it was shredded or when the key-encryption key is not the one. */
	KeysetHandle find(UUID backupId) {
		Optional<Path> file = files().stream().filter(f -> f.id().equals(backupId)).map(KeyFile::path).findFirst();
		if (file.isEmpty()) {
			throw BackupFailure.of("backup.error.key-gone", backupId.toString(), folder.toString());
		}
		try {
			return wrapping.unwrap(Files.readAllBytes(file.get()), bind(backupId));
		}
		catch (GeneralSecurityException ex) {
			throw new BackupFailure("backup.error.key-wrong", ex, backupId.toString());
		}
		catch (IOException ex) {
			throw new BackupFailure("backup.error.key-folder", ex, folder.toString());
		}
	}

	/**
	 * Wraps every backup key again (key rotation): the new wrapping is written under a temporary name,
	 * forced to disk and moved over the old file atomically, so a crash leaves either wrapping, never none.
	 */
	int rewrap(KeysWrappedOutside.Rewrap rewrap) {
		int changed = 0;
		for (KeyFile file : files()) {
			Path name = file.path().getFileName();
			Path temporary = folder.resolve("." + name + ".rewrap");
			try {
				byte[] again = rewrap.apply(Files.readAllBytes(file.path()), bind(file.id()));
				if (again == null) {
					continue;
				}
				Files.deleteIfExists(temporary);
				try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
						StandardOpenOption.WRITE)) {
					channel.write(java.nio.ByteBuffer.wrap(again));
					channel.force(true);
				}
				setOwnerOnly(temporary, "rw-------");
				Files.move(temporary, file.path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				changed++;
			}
			catch (GeneralSecurityException ex) {
				throw new BackupFailure("backup.error.key-wrong", ex, file.id().toString());
			}
			catch (IOException ex) {
				throw new BackupFailure("backup.error.key-folder", ex, folder.toString());
			}
		}
		if (changed > 0) {
			forceFolder();
		}
		return changed;
	}

	/** Makes the renames in the folder durable (where the platform allows opening a folder). */
	private void forceFolder() {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// not supported on every platform; the renames are atomic either way
		}
	}

	/** Shreds the keys of backups made before {@code now - keep}; returns how many went. */
	int prune(Instant now, Duration keep) {
		Instant cutoff = now.minus(keep);
		int shredded = 0;
		for (KeyFile file : files()) {
			if (file.created().isBefore(cutoff)) {
				shred(file.path());
				shredded++;
			}
		}
		return shredded;
	}

	/** Overwrites the key file before deleting it (best effort on journalled or copy-on-write file systems). */
	static void shred(Path file) {
		try {
			long size = Files.size(file);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
				channel.write(java.nio.ByteBuffer.allocate((int) Math.min(size, 1 << 20)), 0);
				channel.force(true);
			}
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<KeyFile> files() {
		List<KeyFile> found = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return found;
		}
		try (Stream<Path> files = Files.list(folder)) {
			files.forEach(path -> {
				Path name = path.getFileName();
				Matcher m = FILE.matcher(name == null ? "" : name.toString());
				if (m.matches()) {
					found.add(new KeyFile(path, Instant.ofEpochSecond(Long.parseLong(m.group(1))), UUID.fromString(m.group(2))));
				}
			});
		}
		catch (IOException ex) {
			throw new BackupFailure("backup.error.key-folder", ex, folder.toString());
		}
		return found;
	}

	private static byte[] bind(UUID backupId) {
		return ("kinlink.backup-key:" + backupId).getBytes(StandardCharsets.UTF_8);
	}

	private static void setOwnerOnly(Path path, String permissions) throws IOException {
		if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
	}

	record KeyFile(Path path, Instant created, UUID id) {
	}

}
