package org.kinlink.media.ocr;

import java.io.IOException;

/** Tesseract failed on an image (exit code, time limit, memory limit); the detail names no content. */
class OcrFailedException extends IOException {

	OcrFailedException(String detail) {
		super(detail);
	}

}
