package org.kinlink.storage.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Ciphertext in a folder (by default ./var/blobs): written under a temporary name, forced to disk, then
 * moved into place atomically, so a crash leaves either the whole object or nothing under its name.
 */
class LocalFolderBlobStore implements BlobStore {

	private final Path root;

	LocalFolderBlobStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public PendingObject create(String name) throws IOException {
		Path target = path(name);
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		// Closing the stream (as an encrypting stream does when it finishes) must leave the channel open for
		// publish(), which forces it to disk before the rename.
		OutputStream out = new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				this.out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush();
			}
		};
		return new PendingObject() {

			private boolean published;

			@Override
			public OutputStream stream() {
				return out;
			}

			@Override
			public void publish() throws IOException {
				channel.force(true);
				channel.close();
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
				forceDirectory(target.getParent());
				published = true;
			}

			@Override
			public void close() throws IOException {
				if (!published) {
					channel.close();
					Files.deleteIfExists(partial);
				}
			}
		};
	}

	@Override
	public InputStream read(String name) throws IOException {
		return Files.newInputStream(path(name));
	}

	@Override
	public SeekableByteChannel readSeekable(String name) throws IOException {
		return FileChannel.open(path(name), StandardOpenOption.READ);
	}

	@Override
	public void delete(String name) throws IOException {
		Files.deleteIfExists(path(name));
	}

	private Path path(String name) {
		if (!name.matches("[0-9a-f]{2}/[0-9a-f-]{36}")) {
			throw new IllegalArgumentException("not a blob object name");
		}
		return root.resolve(name);
	}

	private static void forceDirectory(Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some file systems cannot open a directory for fsync; the rename is still atomic there.
		}
	}

}
