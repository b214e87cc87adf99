package org.kinlink.media.processing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made bad files: PNGs that lie about their size, EXIF with GPS, a ZIP to append to a picture. */
final class Fixtures {

	private Fixtures() {
	}

	/**
	 * A PNG (8-bit RGB) that declares this size, whose image data inflates to {@code inflatedMegabytes} MB of
	 * zeros: one deflate block of a megabyte of zeros after a full flush, repeated, then the checksum.
	 */
	static byte[] png(int width, int height, int inflatedMegabytes) {
		byte[] zeros = new byte[1 << 20];
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		byte[] first = flushed(deflater, zeros);
		byte[] next = flushed(deflater, zeros);
		deflater.end();
		java.util.zip.Adler32 adler = new java.util.zip.Adler32();
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		idat.writeBytes(first);
		adler.update(zeros);
		for (int i = 1; i < inflatedMegabytes; i++) {
			idat.writeBytes(next);
			adler.update(zeros);
		}
		// an empty final block with fixed codes, then the Adler-32 of everything inflated
		idat.writeBytes(new byte[] { 0x03, 0x00 });
		long sum = adler.getValue();
		idat.writeBytes(new byte[] { (byte) (sum >> 24), (byte) (sum >> 16), (byte) (sum >> 8), (byte) sum });
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
		DataOutputStream header = new DataOutputStream(ihdr);
		try {
			header.writeInt(width);
			header.writeInt(height);
			header.write(new byte[] { 8, 2, 0, 0, 0 });
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		chunk(png, "IHDR", ihdr.toByteArray());
		chunk(png, "IDAT", idat.toByteArray());
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static byte[] flushed(Deflater deflater, byte[] input) {
		deflater.setInput(input);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[1 << 16];
		int n;
		do {
			n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
			out.write(buffer, 0, n);
		}
		while (n == buffer.length || !deflater.needsInput());
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		DataOutputStream stream = new DataOutputStream(out);
		CRC32 crc = new CRC32();
		crc.update(type.getBytes(StandardCharsets.US_ASCII));
		crc.update(data);
		try {
			stream.writeInt(data.length);
			stream.writeBytes(type);
			stream.write(data);
			stream.writeInt((int) crc.getValue());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Latitude 35°41'21" as EXIF rationals: the bytes a GPS tag leaves in a file. */
	static final byte[] LATITUDE = { 0, 0, 0, 35, 0, 0, 0, 1, 0, 0, 0, 41, 0, 0, 0, 1, 0, 0, 0x08, 0x34, 0, 0, 0, 100 };

	/** The JPEG with an EXIF block inserted after its start: orientation 6 (turn right) and a GPS position. */
	static byte[] withExifGps(byte[] jpeg) {
		ByteArrayOutputStream tiff = new ByteArrayOutputStream();
		DataOutputStream t = new DataOutputStream(tiff);
		try {
			t.writeBytes("MM");
			t.writeShort(42);
			t.writeInt(8);
			// IFD0 at 8: two entries (2 + 2*12 + 4 = 30 bytes), so the GPS IFD starts at 38
			t.writeShort(2);
			t.writeShort(0x0112);
			t.writeShort(3);
			t.writeInt(1);
			t.writeShort(6);
			t.writeShort(0);
			t.writeShort(0x8825);
			t.writeShort(4);
			t.writeInt(1);
			t.writeInt(38);
			t.writeInt(0);
			// GPS IFD at 38: two entries (30 bytes), so the latitude starts at 68
			t.writeShort(2);
			t.writeShort(1);
			t.writeShort(2);
			t.writeInt(2);
			t.writeBytes("N\0\0\0");
			t.writeShort(2);
			t.writeShort(5);
			t.writeInt(3);
			t.writeInt(68);
			t.writeInt(0);
			t.write(LATITUDE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] app1 = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.toByteArray());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write((app1.length + 2) >> 8);
		out.write((app1.length + 2) & 0xFF);
		out.writeBytes(app1);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/** A small ZIP archive holding one text file. */
	static byte[] zip() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("hidden.txt"));
			zip.write("a payload behind the picture".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, joined, a.length, b.length);
		return joined;
	}

	static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	static boolean contains(byte[] haystack, String needle) {
		return contains(haystack, needle.getBytes(StandardCharsets.UTF_8));
	}

}
