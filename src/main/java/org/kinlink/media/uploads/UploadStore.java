package org.kinlink.media.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.StoredBlob;
import org.kinlink.storage.Vault;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads as encrypted parts: each request's bytes stream through {@link Blobs} into one part under the
 * upload's own data key, so plaintext never reaches a disk. A request cut off half way still commits the
 * bytes that arrived, and the client resumes from there. Removing an upload deletes its parts and shreds
 * its key, so nothing of it is left (S6).
 */
@Component
class UploadStore {

	static final String PART_CONTEXT = "media.upload-part";

	private static final int BUFFER = 64 * 1024;

	private final UploadRows rows;

	private final Blobs blobs;

	private final Vault vault;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final UploadSettings settings;

	UploadStore(UploadRows rows, Blobs blobs, Vault vault, TransactionTemplate transactions, Clock clock,
			UploadSettings settings) {
		this.rows = rows;
		this.blobs = blobs;
		this.vault = vault;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
	}

	/** A new, empty upload with a random id and a key of its own; the file name is sealed and never used to store. */
	UUID open(Long declaredLength, String fileName) {
		UUID id = UUID.randomUUID();
		UUID keyId = vault.newKey();
		Instant now = clock.instant();
		rows.insert(id, keyId, declaredLength, sealName(keyId, id, fileName), now, now.plus(settings.expiry()));
		return id;
	}

	/**
	 * Appends at most {@code room} bytes of the stream as one part. If the connection drops, the bytes that
	 * arrived are committed all the same and the exception is rethrown.
	 * @param heartbeat called now and then while bytes flow, to keep the upload's lease
	 * @return the number of bytes kept
	 */
	long append(UploadRows.Upload upload, InputStream in, long room, Runnable heartbeat) throws IOException {
		BlobWriter writer = blobs.create(upload.keyId(), PART_CONTEXT);
		IOException broken = null;
		try {
			byte[] buffer = new byte[BUFFER];
			long sinceBeat = 0;
			while (writer.written() < room) {
				int n;
				try {
					n = in.read(buffer, 0, (int) Math.min(buffer.length, room - writer.written()));
				}
				catch (IOException ex) {
					broken = ex;
					break;
				}
				if (n < 0) {
					break;
				}
				writer.write(buffer, 0, n);
				sinceBeat += n;
				if (sinceBeat >= 8 * 1024 * 1024) {
					heartbeat.run();
					sinceBeat = 0;
				}
			}
			long kept = writer.written();
			if (kept > 0) {
				transactions.executeWithoutResult(tx -> {
					StoredBlob blob = writer.commit();
					rows.addPart(upload.id(), blob.id(), blob.size(), clock.instant());
				});
			}
			if (broken != null) {
				throw broken;
			}
			return kept;
		}
		finally {
			writer.close();
		}
	}

	/**
	 * Stores a whole file from a plain form as one finished upload, or nothing at all when it is longer
	 * than {@code limit}.
	 * @return the upload id, or null when the file went past the limit
	 */
	UUID storeWhole(InputStream in, String fileName, long limit) {
		UUID keyId = vault.newKey();
		UUID id = UUID.randomUUID();
		try (BlobWriter writer = blobs.create(keyId, PART_CONTEXT)) {
			in.transferTo(new CappedOutput(writer, limit));
			Instant now = clock.instant();
			transactions.executeWithoutResult(tx -> {
				StoredBlob blob = writer.commit();
				rows.insert(id, keyId, blob.size(), sealName(keyId, id, fileName), now, now.plus(settings.expiry()));
				if (blob.size() > 0) {
					rows.addPart(id, blob.id(), blob.size(), now);
				}
				else {
					blobs.delete(blob.id());
				}
			});
			return id;
		}
		catch (CappedOutput.LimitReached ex) {
			vault.shred(keyId);
			return null;
		}
		catch (IOException ex) {
			vault.shred(keyId);
			throw new UncheckedIOException(ex);
		}
	}

	/** The plaintext of all parts, in order, decrypted while read. */
	InputStream read(UUID uploadId) {
		List<UploadRows.Part> parts = rows.parts(uploadId);
		return new java.io.SequenceInputStream(java.util.Collections.enumeration(parts.stream()
			.map(part -> (InputStream) new LazyBlobStream(blobs, part.blobId()))
			.toList()));
	}

	/** Deletes an unclaimed upload, its parts and its key. Returns false if it was claimed or gone. */
	boolean remove(UUID uploadId) {
		Boolean removed = transactions.execute(tx -> rows.lockUnclaimed(uploadId).map(upload -> {
			delete(upload);
			return true;
		}).orElse(false));
		return Boolean.TRUE.equals(removed);
	}

	/** Deletes expired, unclaimed uploads in batches; returns how many went. */
	int removeExpired() {
		int total = 0;
		while (true) {
			Integer batch = transactions.execute(tx -> {
				List<UploadRows.Upload> expired = rows.lockExpired(clock.instant(), 50);
				expired.forEach(this::delete);
				return expired.size();
			});
			total += batch == null ? 0 : batch;
			if (batch == null || batch < 50) {
				return total;
			}
		}
	}

	/** Drops trailing parts worth at most {@code bytes}: only whole parts can go. */
	void dropLast(UUID uploadId, long bytes) {
		transactions.executeWithoutResult(tx -> {
			long left = bytes;
			List<UploadRows.Part> parts = rows.parts(uploadId);
			for (int i = parts.size() - 1; i >= 0 && parts.get(i).length() <= left; i--) {
				rows.removePart(uploadId, parts.get(i));
				blobs.delete(parts.get(i).blobId());
				left -= parts.get(i).length();
			}
		});
	}

	private void delete(UploadRows.Upload upload) {
		for (UploadRows.Part part : rows.parts(upload.id())) {
			blobs.delete(part.blobId());
		}
		rows.delete(upload.id());
		vault.shred(upload.keyId());
	}

	private byte[] sealName(UUID keyId, UUID uploadId, String fileName) {
		if (fileName == null || fileName.isBlank()) {
			return null;
		}
		String name = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
		return vault.sealText(keyId, name, "media.upload-name:" + uploadId);
	}

	/** Opens a blob only when the sequence reaches it, so a long upload holds one open part at a time. */
	private static final class LazyBlobStream extends InputStream {

		private final Blobs blobs;

		private final UUID blobId;

		private InputStream in;

		LazyBlobStream(Blobs blobs, UUID blobId) {
			this.blobs = blobs;
			this.blobId = blobId;
		}

		private InputStream in() {
			if (in == null) {
				in = blobs.open(blobId);
			}
			return in;
		}

		@Override
		public int read() throws IOException {
			return in().read();
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return in().read(b, off, len);
		}

		@Override
		public void close() throws IOException {
			if (in != null) {
				in.close();
			}
		}

	}

	/** Passes bytes on until the limit, then refuses the rest. */
	private static final class CappedOutput extends java.io.OutputStream {

		private final BlobWriter out;

		private final long limit;

		CappedOutput(BlobWriter out, long limit) {
			this.out = out;
			this.limit = limit;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (out.written() + len > limit) {
				throw new LimitReached();
			}
			out.write(b, off, len);
		}

		/** The file went past the limit. */
		static final class LimitReached extends IOException {

			LimitReached() {
				super("limit reached");
			}

		}

	}

}
