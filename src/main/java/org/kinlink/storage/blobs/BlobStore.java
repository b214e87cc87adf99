package org.kinlink.storage.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where ciphertext lives: a local folder by default, any S3-compatible store in production. It only ever sees
 * encrypted bytes and server-made object names.
 */
public interface BlobStore {

	/** The only object names a store accepts and lists: two hex digits, a slash, a UUID. */
	Pattern OBJECT_NAME = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** A new object; its bytes become visible under {@code name} only when {@link PendingObject#publish()} returns. */
	PendingObject create(String name) throws IOException;

	/** The object's bytes from the start; {@link java.nio.file.NoSuchFileException} if there is none. */
	InputStream read(String name) throws IOException;

	/** Random access to the object's (cipher) bytes. */
	SeekableByteChannel readSeekable(String name) throws IOException;

	/** Idempotent. */
	void delete(String name) throws IOException;

	/** Every published object with a blob name, for the orphan sweep; close the stream after use. */
	Stream<StoredObject> list() throws IOException;

	/**
	 * Throws away unfinished writes (a folder's {@code .partial} files, an S3 store's multipart uploads) that
	 * nobody has touched since {@code cutoff}; returns how many went.
	 */
	int discardPendingUntouchedSince(Instant cutoff) throws IOException;

	/** A store in a local folder (for a restore into another folder, and for tests). */
	static BlobStore localFolder(java.nio.file.Path folder) {
		return new LocalFolderBlobStore(folder);
	}

	static void checkName(String name) {
		if (name == null || !OBJECT_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("not a blob object name");
		}
	}

	/** A published object and when it was last written. */
	record StoredObject(String name, Instant lastModified) {
	}

	/** An object being written: publish makes it durable and visible; close without publish discards it. */
	interface PendingObject extends AutoCloseable {

		OutputStream stream();

		void publish() throws IOException;

		@Override
		void close() throws IOException;

	}

}
