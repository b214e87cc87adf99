package org.kinlink.media.ocr;

import java.time.Duration;

import org.junit.jupiter.api.Assumptions;

/**
 * Whether Tesseract with Persian and English data is installed. In CI it must be (.ci/run installs it); on a
 * developer machine without it the OCR tests that need it are skipped.
 */
public final class TesseractPresence {

	private TesseractPresence() {
	}

	public static void require() {
		boolean present = new Tesseract("tesseract", 2048, Duration.ofMinutes(1)).available("fas+eng");
		if (System.getenv("CI") == null) {
			Assumptions.assumeTrue(present, "Tesseract is not installed (" + Tesseract.INSTALL_HINT + ")");
		}
		else if (!present) {
			throw new IllegalStateException("CI must install Tesseract with fas and eng (.ci/run)");
		}
	}

}
