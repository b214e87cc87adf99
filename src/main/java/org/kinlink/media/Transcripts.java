package org.kinlink.media;

import java.util.UUID;

/** The text of files, as staff corrected and approved it: OCR lines of scans and timed cues of voice and video. */
public interface Transcripts {

	/** The transcript of a file; {@code RecordNotFoundException} if there is none. Opening it is audited. */
	Transcript transcript(UUID fileId);

}
