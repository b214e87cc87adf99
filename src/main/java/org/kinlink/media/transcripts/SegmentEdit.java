package org.kinlink.media.transcripts;

/** A change staff made to one segment: its new text and, for a cue, its new start and end (null: unchanged). */
public record SegmentEdit(int seq, String text, Long startMs, Long endMs) {
}
