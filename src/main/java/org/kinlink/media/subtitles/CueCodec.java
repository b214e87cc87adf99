package org.kinlink.media.subtitles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.kinlink.media.SubtitledCopies.Cue;

/** Cues as bytes for sealing: a count, then start, end and UTF-8 text of each cue. */
final class CueCodec {

	private CueCodec() {
	}

	static byte[] encode(List<Cue> cues) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(cues.size());
			for (Cue cue : cues) {
				byte[] text = cue.text().getBytes(StandardCharsets.UTF_8);
				out.writeLong(cue.startMs());
				out.writeLong(cue.endMs());
				out.writeInt(text.length);
				out.write(text);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static List<Cue> decode(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			int count = in.readInt();
			List<Cue> cues = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				long start = in.readLong();
				long end = in.readLong();
				byte[] text = new byte[in.readInt()];
				in.readFully(text);
				cues.add(new Cue(start, end, new String(text, StandardCharsets.UTF_8)));
			}
			return cues;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
