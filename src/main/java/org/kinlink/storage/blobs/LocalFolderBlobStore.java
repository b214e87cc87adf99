package org.kinlink.storage.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ciphertext in a folder (by default ./var/blobs): written under a temporary name, forced to disk, then
 * moved into place atomically, so a crash leaves either the whole object or nothing under its name (and at
 * worst a {@code .partial} file of ciphertext that the orphan sweep removes).
 */
class LocalFolderBlobStore implements BlobStore {

	private static final String PARTIAL = ".partial";

	private final Path root;

	LocalFolderBlobStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public PendingObject create(String name) throws IOException {
		Path target = path(name);
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
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

			private boolean finished;

			@Override
			public OutputStream stream() {
				return out;
			}

			@Override
			public void publish() throws IOException {
				if (finished) {
					throw new IOException("the object is already finished");
				}
				finished = true;
				try {
					channel.force(true);
					channel.close();
					Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (IOException ex) {
					channel.close();
					Files.deleteIfExists(partial);
					throw ex;
				}
				forceDirectory(target.getParent());
			}

			@Override
			public void close() throws IOException {
				if (!finished) {
					finished = true;
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

	@Override
	public Stream<StoredObject> list() throws IOException {
		return files().flatMap(file -> {
			String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
			return OBJECT_NAME.matcher(name).matches() ? lastModified(file).map(at -> new StoredObject(name, at))
					: Stream.empty();
		});
	}

	@Override
	public int discardPendingUntouchedSince(Instant cutoff) throws IOException {
		List<Path> stale;
		try (Stream<Path> files = files()) {
			stale = files.filter(file -> file.getFileName().toString().endsWith(PARTIAL))
				.filter(file -> lastModified(file).anyMatch(at -> at.isBefore(cutoff)))
				.toList();
		}
		int discarded = 0;
		for (Path file : stale) {
			if (Files.deleteIfExists(file)) {
				discarded++;
			}
		}
		return discarded;
	}

	private Stream<Path> files() throws IOException {
		if (!Files.isDirectory(root)) {
			return Stream.empty();
		}
		return Files.walk(root, 2).filter(Files::isRegularFile);
	}

	/** Empty when the file went in the meantime (published, discarded or deleted). */
	private static Stream<Instant> lastModified(Path file) {
		try {
			return Stream.of(Files.getLastModifiedTime(file).toInstant());
		}
		catch (java.nio.file.NoSuchFileException ex) {
			return Stream.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path path(String name) {
		BlobStore.checkName(name);
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
