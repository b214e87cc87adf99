package org.kinlink.media;

import java.util.List;
import java.util.UUID;

/** Copies of a video with subtitles burned in, for authorities that cannot load a subtitle track. */
public interface SubtitledCopies {

	/**
	 * Queues (idempotently, per file, language and cue text) a copy of the video with these cues burned in;
	 * {@link SubtitledCopyReady} follows. Replaces an older copy in the same language.
	 */
	void request(UUID fileId, String language, List<Cue> cues);

	/** One subtitle: from, to (milliseconds) and text, in the language of the copy. */
	record Cue(long startMs, long endMs, String text) {
	}

}
