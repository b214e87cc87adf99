package org.kinlink.media;

/** What a file turned out to be, by its bytes (never by its name): unknown until sniffed. */
public enum MediaKind {

	UNKNOWN, IMAGE, DOCUMENT, AUDIO, VIDEO

}
