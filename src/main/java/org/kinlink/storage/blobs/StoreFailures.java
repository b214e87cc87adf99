package org.kinlink.storage.blobs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

import org.kinlink.storage.SealBrokenException;

/**
 * Tells a failing store from failing ciphertext while a blob is decrypted: an I/O error the store raised stays
 * an {@link IOException}; any other failure of the decryption means altered or cut-short ciphertext (or a
 * wrong key) and becomes a {@link SealBrokenException}.
 */
final class StoreFailures {

	private volatile boolean storeFailed;

	InputStream watch(InputStream in) {
		return new FilterInputStream(in) {
			@Override
			public int read() throws IOException {
				try {
					return super.read();
				}
				catch (IOException ex) {
					storeFailed = true;
					throw ex;
				}
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				try {
					return super.read(b, off, len);
				}
				catch (IOException ex) {
					storeFailed = true;
					throw ex;
				}
			}
		};
	}

	SeekableByteChannel watch(SeekableByteChannel channel) {
		return new Delegating(channel) {
			@Override
			public int read(ByteBuffer dst) throws IOException {
				try {
					return super.read(dst);
				}
				catch (IOException ex) {
					storeFailed = true;
					throw ex;
				}
			}
		};
	}

	/**
	 * The channel whose decryption failures become {@link SealBrokenException}s. Its size is the recorded
	 * plaintext size (Tink's channel knows it only after a first read).
	 */
	SeekableByteChannel explaining(SeekableByteChannel decrypting, long plaintextSize) {
		return new Delegating(decrypting) {
			@Override
			public int read(ByteBuffer dst) throws IOException {
				if (dst.hasRemaining() && isOpen() && position() >= plaintextSize) {
					return -1; // Tink's channel answers 0 at the very end, which would make a read loop spin
				}
				try {
					return super.read(dst);
				}
				catch (IOException ex) {
					throw explain(ex);
				}
			}

			@Override
			public long size() throws IOException {
				if (!isOpen()) {
					throw new java.nio.channels.ClosedChannelException();
				}
				return plaintextSize;
			}
		};
	}

	/** Returns the store's own error to rethrow; throws {@link SealBrokenException} for anything else. */
	IOException explain(IOException ex) {
		if (storeFailed || ex instanceof java.nio.channels.ClosedChannelException) {
			return ex;
		}
		throw new SealBrokenException("the blob was altered, cut short or its key is wrong", ex);
	}

	private static class Delegating implements SeekableByteChannel {

		private final SeekableByteChannel channel;

		Delegating(SeekableByteChannel channel) {
			this.channel = channel;
		}

		@Override
		public int read(ByteBuffer dst) throws IOException {
			return channel.read(dst);
		}

		@Override
		public int write(ByteBuffer src) throws IOException {
			return channel.write(src);
		}

		@Override
		public long position() throws IOException {
			return channel.position();
		}

		@Override
		public SeekableByteChannel position(long newPosition) throws IOException {
			channel.position(newPosition);
			return this;
		}

		@Override
		public long size() throws IOException {
			return channel.size();
		}

		@Override
		public SeekableByteChannel truncate(long size) throws IOException {
			channel.truncate(size);
			return this;
		}

		@Override
		public boolean isOpen() {
			return channel.isOpen();
		}

		@Override
		public void close() throws IOException {
			channel.close();
		}

	}

}
