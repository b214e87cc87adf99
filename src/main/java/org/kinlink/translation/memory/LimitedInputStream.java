package org.kinlink.translation.memory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes at most a number of bytes through; reading past it fails and remembers that the limit was hit. */
final class LimitedInputStream extends FilterInputStream {

	private long remaining;

	private boolean exceeded;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.remaining = limit;
	}

	boolean exceeded() {
		return exceeded;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	/** Leaves the stream under it open (the XML parser closes what it read to the end; the caller owns it). */
	@Override
	public void close() {
		// the caller closes the stream it passed in
	}

	private void count(int n) throws IOException {
		remaining -= n;
		if (remaining < 0) {
			exceeded = true;
			throw new IOException("limit exceeded");
		}
	}

}
