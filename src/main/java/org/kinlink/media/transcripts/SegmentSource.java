package org.kinlink.media.transcripts;

/** Who wrote a segment first: OCR, the speech engine (STT) or staff by hand (MANUAL). */
public enum SegmentSource {

	OCR, STT, MANUAL

}
