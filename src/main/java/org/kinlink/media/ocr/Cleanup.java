package org.kinlink.media.ocr;

/**
 * Whether pages are cleaned before OCR (kinlink.media.ocr.cleanup): OFF reads the page as it is, ON reads the
 * cleaned page, AUTO reads both and keeps the reading Tesseract is more confident of.
 */
enum Cleanup {

	AUTO, ON, OFF

}
