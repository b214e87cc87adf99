package org.kinlink.media.sniff;

import java.util.Optional;

/**
 * Reads the pixel size a PNG or JPEG declares in its header, without decoding a pixel: enough to refuse a
 * picture that claims too many pixels (or a decompression bomb) before any decoder allocates for it.
 */
public final class ImageHeaders {

	private ImageHeaders() {
	}

	/** Width and height as declared, or empty when the header is not found in these first bytes. */
	public static Optional<long[]> dimensions(byte[] head) {
		if (isPng(head)) {
			return png(head);
		}
		if (head.length > 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
			return jpeg(head);
		}
		return Optional.empty();
	}

	private static boolean isPng(byte[] b) {
		return b.length >= 24 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
	}

	private static Optional<long[]> png(byte[] b) {
		if (b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
			return Optional.empty();
		}
		return Optional.of(new long[] { u32(b, 16), u32(b, 20) });
	}

	private static Optional<long[]> jpeg(byte[] b) {
		int i = 2;
		while (i + 9 < b.length) {
			if ((b[i] & 0xFF) != 0xFF) {
				return Optional.empty();
			}
			int marker = b[i + 1] & 0xFF;
			if (marker == 0xFF) {
				i++;
				continue;
			}
			if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				i += 2;
				continue;
			}
			int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
			boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
			if (frame) {
				long height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
				long width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
				return Optional.of(new long[] { width, height });
			}
			if (length < 2) {
				return Optional.empty();
			}
			i += 2 + length;
		}
		return Optional.empty();
	}

	private static long u32(byte[] b, int at) {
		return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
	}

}
