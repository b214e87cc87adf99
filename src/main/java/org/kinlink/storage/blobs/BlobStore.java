package org.kinlink.storage.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * Where ciphertext lives: a local folder by default, any S3-compatible store in production. It only ever sees
 * encrypted bytes and server-made object names.
 */
public interface BlobStore {

	/** A new object; its bytes become visible under {@code name} only when {@link PendingObject#publish()} returns. */
	PendingObject create(String name) throws IOException;

	InputStream read(String name) throws IOException;

	/** Random access to the object's (cipher) bytes. */
	SeekableByteChannel readSeekable(String name) throws IOException;

	/** Idempotent. */
	void delete(String name) throws IOException;

	/** An object being written: publish makes it durable and visible; close without publish discards it. */
	interface PendingObject extends AutoCloseable {

		OutputStream stream();

		void publish() throws IOException;

		@Override
		void close() throws IOException;

	}

}
