package org.kinlink.translation.memory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes a page of units as bytes (before sealing) and reads it back: a count, then each text's length and UTF-8. */
final class PageCodec {

	private static final int VERSION = 1;

	private PageCodec() {
	}

	static byte[] encode(List<MemoryUnit> units) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(units.size() * 256);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION);
			out.writeInt(units.size());
			for (MemoryUnit unit : units) {
				write(out, unit.source());
				write(out, unit.target());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static List<MemoryUnit> decode(byte[] page) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(page))) {
			int version = in.readByte();
			if (version != VERSION) {
				throw new IllegalStateException("unknown memory page version " + version);
			}
			int count = in.readInt();
			List<MemoryUnit> units = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				units.add(new MemoryUnit(read(in), read(in)));
			}
			return units;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(DataOutputStream out, String text) throws IOException {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static String read(DataInputStream in) throws IOException {
		byte[] utf8 = new byte[in.readInt()];
		in.readFully(utf8);
		return new String(utf8, StandardCharsets.UTF_8);
	}

}
