package org.kinlink.storage;

import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.UUID;

/**
 * Encrypted files of any size (S5, S6). Bytes are encrypted while they stream (Tink streaming AEAD, 1 MB
 * segments) under a key of their own, and that key is sealed under the owning record's data key
 * ({@link Vault}): shredding the record's key makes its files unreadable too. Only ciphertext ever reaches the
 * disk or the object store, never a temporary plaintext file.
 */
public interface Blobs {

	/**
	 * Starts a new blob of the record whose data key is {@code keyId}. Write the plaintext to the writer and
	 * call {@link BlobWriter#commit()}; closing it without a commit discards what was written.
	 * @param context names what the bytes are (e.g. "media.upload-part"); it is bound to the ciphertext
	 */
	BlobWriter create(UUID keyId, String context);

	/** The plaintext of a committed blob, decrypted while it is read; a tampered byte ends in {@link SealBrokenException}. */
	InputStream open(UUID blobId);

	/** The plaintext of a committed blob for random access (HTTP range requests, media probing). */
	SeekableByteChannel openSeekable(UUID blobId);

	/** Size and digest of a committed blob; {@link java.util.NoSuchElementException} if there is none. */
	StoredBlob info(UUID blobId);

	/** Removes the blob's ciphertext and its key. Idempotent. */
	void delete(UUID blobId);

}
