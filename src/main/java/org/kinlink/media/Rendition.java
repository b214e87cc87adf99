package org.kinlink.media;

/**
 * One thing processing made of a file. {@code page} counts from 1 for the pages of a scan (0 otherwise);
 * {@code language} names the subtitles burned into a SUBTITLED copy ("" otherwise).
 */
public record Rendition(Kind kind, int page, String language) {

	public static Rendition of(Kind kind) {
		return new Rendition(kind, 0, "");
	}

	public static Rendition page(int page) {
		return new Rendition(Kind.PAGE, page, "");
	}

	public static Rendition subtitled(String language) {
		return new Rendition(Kind.SUBTITLED, 0, language);
	}

	/** WORKING: the copy without metadata (MP4 H.264/AAC, AAC audio, PNG or JPEG image); PAGE: a page of a scan as PNG. */
	public enum Kind {

		WORKING, POSTER, THUMBNAIL, PAGE, SUBTITLED

	}

}
