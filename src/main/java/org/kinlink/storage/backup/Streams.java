package org.kinlink.storage.backup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Stream wrappers that leave the stream beneath open (zip entries, the backup file until it is forced). */
final class Streams {

	private Streams() {
	}

	static OutputStream keepOpen(OutputStream out) {
		return new FilterOutputStream(out) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				out.flush();
			}
		};
	}

	static InputStream keepOpen(InputStream in) {
		return new FilterInputStream(in) {
			@Override
			public void close() {
				// the zip entry is closed by the next getNextEntry
			}
		};
	}

}
