package org.kinlink.media.sniff;

import org.kinlink.media.MediaKind;

/**
 * What the first bytes of a file say it is: the allowed content type, the kind it usually is (a video
 * container may turn out to hold only sound), and the ffmpeg demuxer forced on it so that ffmpeg never
 * guesses a format of its own.
 */
public record Sniffed(String contentType, MediaKind kind, String demuxer) {

	/** Containers that hold sound, pictures or both: what is inside decides AUDIO or VIDEO. */
	public boolean container() {
		return kind == MediaKind.VIDEO || kind == MediaKind.AUDIO;
	}

}
