package org.kinlink.media.processing;

/**
 * Names of the pipeline's steps. ASSEMBLE joins an upload's parts into the original; SNIFF types it by its
 * bytes and picks IMAGE, DOCUMENT, AUDIO or VIDEO (working copy without metadata, poster, thumbnails,
 * duration); these queue OCR (scans) or TRANSCRIBE (voice, video: only when a speech engine is enabled).
 * BURN_SUBTITLES makes a subtitled copy on request. A step with no bean is skipped.
 */
public final class Steps {

	public static final String ASSEMBLE = "assemble";

	public static final String SNIFF = "sniff";

	public static final String IMAGE = "image";

	public static final String DOCUMENT = "document";

	public static final String AUDIO = "audio";

	public static final String VIDEO = "video";

	public static final String OCR = "ocr";

	public static final String TRANSCRIBE = "transcribe";

	public static final String BURN_SUBTITLES = "burn-subtitles";

	private Steps() {
	}

}
