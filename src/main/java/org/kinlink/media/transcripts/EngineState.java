package org.kinlink.media.transcripts;

/**
 * What a machine made of a file's text, shown to staff: nothing ran yet (NONE); OCR or speech-to-text read
 * text (DONE), found none (EMPTY), could not run (UNAVAILABLE: no Tesseract or language data) or failed
 * after its retries (FAILED); an import from the speech engine is queued (QUEUED).
 */
public enum EngineState {

	NONE, QUEUED, DONE, EMPTY, UNAVAILABLE, FAILED

}
