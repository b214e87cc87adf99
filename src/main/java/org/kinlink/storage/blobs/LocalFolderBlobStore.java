package org.kinlink.storage.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
		OutputStream out = new OutputStream() {

			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
			}

			@Override
			public void close() {
				// The encryption closes its stream when it ends; the file is closed by publish or close.
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
