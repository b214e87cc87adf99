package org.kinlink.media.ffmpeg;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Asks ffprobe (a limited subprocess reading from a {@link LoopbackSource}) what a file holds: its streams,
 * pixel size and duration. The demuxer is forced and only the loopback HTTP protocol is allowed, so a file
 * can neither pick another format nor make ffmpeg open anything else.
 */
@Component
public class MediaProbe {

	private final Ffmpeg ffmpeg;

	MediaProbe(Ffmpeg ffmpeg) {
		this.ffmpeg = ffmpeg;
	}

	/** The facts of the plaintext {@code channel} opens, or {@link Facts#unreadable()} if ffprobe cannot read it. */
	public Facts probe(Supplier<SeekableByteChannel> channel, long size, String demuxer, Duration timeLimit)
			throws IOException, InterruptedException {
		try (LoopbackSource source = LoopbackSource.serve(channel, size)) {
			List<String> arguments = new ArrayList<>(List.of("-v", "error"));
			arguments.addAll(input(demuxer, source.url()));
			arguments.addAll(List.of("-show_format", "-show_streams", "-of", "flat"));
			Ffmpeg.Result result = ffmpeg.ffprobe(arguments, timeLimit);
			source.requireServed(); // a source that was away is an outage to retry, not a damaged file
			if (result.timedOut()) {
				throw new IOException("ffprobe passed its time limit");
			}
			if (result.exitCode() != 0) {
				if (Ffmpeg.outOfResources(result)) {
					throw new IOException("ffprobe ran out of memory or was killed");
				}
				return Facts.unreadable();
			}
			return Facts.parse(result.stdout());
		}
	}

	/** The input arguments for a decrypted file served on loopback: forced demuxer, HTTP on loopback only. */
	public static List<String> input(String demuxer, String url) {
		List<String> arguments = new ArrayList<>(List.of("-protocol_whitelist", "tcp,http"));
		if (demuxer != null && !demuxer.isEmpty()) {
			arguments.addAll(List.of("-f", demuxer));
		}
		arguments.addAll(List.of("-i", url));
		return arguments;
	}

	/**
	 * What ffprobe found: whether it could read the file at all, whether it holds pictures (not cover art) and
	 * sound, the largest picture size and the duration in milliseconds (null when unknown).
	 */
	public record Facts(boolean readable, boolean video, boolean audio, Integer width, Integer height, Long durationMs,
			String videoCodec) {

		static Facts unreadable() {
			return new Facts(false, false, false, null, null, null, null);
		}

		static Facts parse(String flat) {
			Map<String, String> values = new HashMap<>();
			flat.lines().forEach(line -> {
				int eq = line.indexOf('=');
				if (eq > 0) {
					values.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
				}
			});
			boolean video = false;
			boolean audio = false;
			Integer width = null;
			Integer height = null;
			String codec = null;
			double duration = number(values.get("format.duration"));
			for (int i = 0; values.containsKey("streams.stream." + i + ".index"); i++) {
				String prefix = "streams.stream." + i + ".";
				String type = values.get(prefix + "codec_type");
				boolean cover = "1".equals(values.get(prefix + "disposition.attached_pic"));
				if ("video".equals(type) && !cover) {
					Integer w = integer(values.get(prefix + "width"));
					Integer h = integer(values.get(prefix + "height"));
					if (w != null && h != null && w > 0 && h > 0) {
						video = true;
						if (width == null || (long) w * h > (long) width * height) {
							width = w;
							height = h;
							codec = values.get(prefix + "codec_name");
						}
					}
				}
				else if ("audio".equals(type)) {
					audio = true;
				}
				duration = Math.max(duration, number(values.get(prefix + "duration")));
			}
			Long durationMs = duration > 0 ? Math.round(duration * 1000) : null;
			return new Facts(true, video, audio, width, height, durationMs, codec);
		}

		private static String unquote(String value) {
			return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
		}

		private static double number(String value) {
			try {
				return value == null ? 0 : Double.parseDouble(value);
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

		private static Integer integer(String value) {
			try {
				return value == null ? null : Integer.valueOf(value);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
