package org.kinlink.storage;

import java.io.OutputStream;

/**
 * Takes the plaintext of a new blob and encrypts it on the way to the store. {@link #commit()} makes the blob
 * durable and records it; {@link #close()} before a commit throws everything away (nothing half-written stays).
 */
public abstract class BlobWriter extends OutputStream {

	/** Finishes the encryption, makes the ciphertext durable and records the blob (in the caller's transaction, if any). */
	public abstract StoredBlob commit();

	/** Plaintext bytes written so far. */
	public abstract long written();

}
