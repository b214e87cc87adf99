package org.kinlink.storage.blobs;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * Ciphertext in an S3-compatible bucket. Writes stream as a multipart upload of parts buffered in memory (so a
 * 2 GB blob never holds more than one part in the heap) and become visible only when the upload completes;
 * an unpublished write is aborted. Random reads are ranged GETs, reopened only when the position jumps.
 */
class S3BlobStore implements BlobStore, AutoCloseable {

	/** S3's smallest part size (except the last part). */
	static final int MIN_PART_SIZE = 5 * 1024 * 1024;

	private static final int FIRST_BUFFER = 64 * 1024;

	/** A forward jump up to this far is read through instead of opening a new GET. */
	private static final long SKIP_LIMIT = 256 * 1024;

	private static final String CONTENT_TYPE = "application/octet-stream";

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	private final int partSize;

	S3BlobStore(S3Client s3, String bucket, String prefix, int partSize) {
		if (partSize < MIN_PART_SIZE) {
			throw new IllegalArgumentException("an S3 part must be at least 5 MB");
		}
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix == null ? "" : prefix;
		this.partSize = partSize;
	}

	/** Closes the client (its connection pool) when the application stops. */
	@Override
	public void close() {
		s3.close();
	}

	@Override
	public PendingObject create(String name) {
		return new MultipartObject(key(name));
	}

	@Override
	public InputStream read(String name) throws IOException {
		try {
			return new AbortingStream(s3.getObject(b -> b.bucket(bucket).key(key(name))));
		}
		catch (SdkException ex) {
			throw io(ex);
		}
	}

	@Override
	public SeekableByteChannel readSeekable(String name) throws IOException {
		String key = key(name);
		try {
			long size = s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
			return new RangedChannel(key, size);
		}
		catch (SdkException ex) {
			throw io(ex);
		}
	}

	@Override
	public void delete(String name) throws IOException {
		try {
			s3.deleteObject(b -> b.bucket(bucket).key(key(name)));
		}
		catch (NoSuchKeyException ex) {
			// Already gone (S3 itself answers 204; some compatible stores answer 404).
		}
		catch (SdkException ex) {
			throw io(ex);
		}
	}

	@Override
	public Stream<StoredObject> list() throws IOException {
		try {
			return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
				.contents()
				.stream()
				.filter(object -> object.key().startsWith(prefix))
				.map(object -> new StoredObject(object.key().substring(prefix.length()), object.lastModified()))
				.filter(object -> OBJECT_NAME.matcher(object.name()).matches());
		}
		catch (SdkException ex) {
			throw io(ex);
		}
	}

	@Override
	public int discardPendingUntouchedSince(Instant cutoff) throws IOException {
		try {
			List<MultipartUpload> stale = s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix))
				.uploads()
				.stream()
				.filter(upload -> upload.key().startsWith(prefix)
						&& OBJECT_NAME.matcher(upload.key().substring(prefix.length())).matches())
				.filter(upload -> upload.initiated().isBefore(cutoff))
				.toList();
			int discarded = 0;
			for (MultipartUpload upload : stale) {
				if (lastTouched(upload).isBefore(cutoff)) {
					try {
						s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
						discarded++;
					}
					catch (NoSuchUploadException ex) {
						// Completed or aborted in the meantime.
					}
				}
			}
			return discarded;
		}
		catch (SdkException ex) {
			throw io(ex);
		}
	}

	/** A slow upload that started long ago but still sends parts is alive: its newest part says when. */
	private Instant lastTouched(MultipartUpload upload) {
		try {
			return s3.listPartsPaginator(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()))
				.parts()
				.stream()
				.map(Part::lastModified)
				.reduce(upload.initiated(), (a, b) -> a.isAfter(b) ? a : b);
		}
		catch (NoSuchUploadException ex) {
			return Instant.MAX;
		}
	}

	private String key(String name) {
		BlobStore.checkName(name);
		return prefix + name;
	}

	private static IOException io(SdkException ex) {
		if (ex instanceof NoSuchKeyException || ex instanceof software.amazon.awssdk.services.s3.model.S3Exception s3ex
				&& s3ex.statusCode() == 404) {
			NoSuchFileException missing = new NoSuchFileException("no such blob object");
			missing.initCause(ex);
			return missing;
		}
		return new IOException("the object store failed: " + ex.getMessage(), ex);
	}

	/** The bytes of a new object: one part buffered at a time, uploaded when full. */
	private final class MultipartObject implements PendingObject {

		private final String key;

		private byte[] buffer = new byte[FIRST_BUFFER];

		private int filled;

		private String uploadId;

		private final List<CompletedPart> parts = new ArrayList<>();

		private boolean finished;

		private final OutputStream stream = new OutputStream() {

			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				if (finished) {
					throw new IOException("the object is already finished");
				}
				while (len > 0) {
					if (filled == buffer.length) {
						if (buffer.length < partSize) {
							buffer = Arrays.copyOf(buffer, (int) Math.min(partSize, 2L * buffer.length));
						}
						else {
							uploadPart();
						}
					}
					int n = Math.min(len, buffer.length - filled);
					System.arraycopy(b, off, buffer, filled, n);
					filled += n;
					off += n;
					len -= n;
				}
			}

			@Override
			public void close() {
				// The encryption closes its stream when it ends; the upload ends with publish or close.
			}
		};

		MultipartObject(String key) {
			this.key = key;
		}

		@Override
		public OutputStream stream() {
			return stream;
		}

		private void uploadPart() throws IOException {
			try {
				if (uploadId == null) {
					uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE))
						.uploadId();
				}
				int partNumber = parts.size() + 1;
				String etag = s3
					.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber), body())
					.eTag();
				parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
				filled = 0;
			}
			catch (SdkException ex) {
				throw io(ex);
			}
		}

		/** The buffered bytes without a copy; the SDK may read them more than once (signing, retries). */
		private RequestBody body() {
			byte[] bytes = buffer;
			int length = filled;
			return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, CONTENT_TYPE);
		}

		@Override
		public void publish() throws IOException {
			if (finished) {
				throw new IOException("the object is already finished");
			}
			try {
				if (uploadId == null) {
					s3.putObject(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE), body());
				}
				else {
					if (filled > 0) {
						uploadPart();
					}
					s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
						.multipartUpload(m -> m.parts(parts)));
				}
				finished = true;
				buffer = null;
			}
			catch (SdkException ex) {
				throw io(ex);
			}
		}

		@Override
		public void close() throws IOException {
			if (finished) {
				return;
			}
			finished = true;
			buffer = null;
			if (uploadId != null) {
				try {
					s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
				}
				catch (SdkException ex) {
					// The orphan sweep aborts what is left; the parts hold ciphertext only.
				}
			}
		}

	}

	/**
	 * Closing a GET before its end must not read the rest of a large object just to reuse the connection:
	 * such a stream is aborted instead.
	 */
	private static final class AbortingStream extends FilterInputStream {

		private final ResponseInputStream<GetObjectResponse> response;

		private boolean ended;

		AbortingStream(ResponseInputStream<GetObjectResponse> response) {
			super(response);
			this.response = response;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			ended |= b < 0;
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			ended |= n < 0;
			return n;
		}

		/** Reads and drops up to {@code n} bytes; fewer only at the end of the stream. */
		long skipUpTo(long n) throws IOException {
			byte[] drop = new byte[(int) Math.min(n, 8192)];
			long skipped = 0;
			while (skipped < n) {
				int r = read(drop, 0, (int) Math.min(drop.length, n - skipped));
				if (r < 0) {
					break;
				}
				skipped += r;
			}
			return skipped;
		}

		@Override
		public void close() throws IOException {
			if (!ended) {
				response.abort();
			}
			super.close();
		}

	}

	/** Random access over ranged GETs: a GET runs on from where it started and is replaced only on a jump. */
	private final class RangedChannel implements SeekableByteChannel {

		private final String key;

		private final long size;

		private long position;

		private AbortingStream current;

		private long currentPosition;

		private boolean open = true;

		private byte[] scratch;

		RangedChannel(String key, long size) {
			this.key = key;
			this.size = size;
		}

		@Override
		public synchronized int read(ByteBuffer dst) throws IOException {
			ensureOpen();
			if (!dst.hasRemaining()) {
				return 0;
			}
			if (position >= size) {
				return -1;
			}
			moveTo(position);
			int want = (int) Math.min(dst.remaining(), size - position);
			int n;
			if (dst.hasArray()) {
				n = current.read(dst.array(), dst.arrayOffset() + dst.position(), want);
				if (n > 0) {
					dst.position(dst.position() + n);
				}
			}
			else {
				if (scratch == null || scratch.length < Math.min(want, 64 * 1024)) {
					scratch = new byte[Math.min(want, 64 * 1024)];
				}
				n = current.read(scratch, 0, Math.min(want, scratch.length));
				if (n > 0) {
					dst.put(scratch, 0, n);
				}
			}
			if (n < 0) {
				dropCurrent();
				throw new IOException("the object ended early");
			}
			position += n;
			currentPosition += n;
			return n;
		}

		private void moveTo(long target) throws IOException {
			if (current != null && target > currentPosition && target - currentPosition <= SKIP_LIMIT) {
				currentPosition += current.skipUpTo(target - currentPosition);
			}
			if (current != null && currentPosition != target) {
				dropCurrent();
			}
			if (current == null) {
				try {
					current = new AbortingStream(
							s3.getObject(b -> b.bucket(bucket).key(key).range("bytes=" + target + "-")));
				}
				catch (SdkException ex) {
					throw io(ex);
				}
				currentPosition = target;
			}
		}

		private void dropCurrent() throws IOException {
			AbortingStream stream = current;
			current = null;
			if (stream != null) {
				stream.close();
			}
		}

		@Override
		public int write(ByteBuffer src) {
			throw new NonWritableChannelException();
		}

		@Override
		public synchronized long position() throws IOException {
			ensureOpen();
			return position;
		}

		@Override
		public synchronized SeekableByteChannel position(long newPosition) throws IOException {
			ensureOpen();
			if (newPosition < 0) {
				throw new IllegalArgumentException("negative position");
			}
			position = newPosition;
			return this;
		}

		@Override
		public long size() throws IOException {
			ensureOpen();
			return size;
		}

		@Override
		public SeekableByteChannel truncate(long newSize) {
			throw new NonWritableChannelException();
		}

		@Override
		public synchronized boolean isOpen() {
			return open;
		}

		@Override
		public synchronized void close() throws IOException {
			open = false;
			dropCurrent();
		}

		private void ensureOpen() throws ClosedChannelException {
			if (!open) {
				throw new ClosedChannelException();
			}
		}

	}

}
