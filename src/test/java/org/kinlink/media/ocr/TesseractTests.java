package org.kinlink.media.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Tesseract as a subprocess reads a rendered Persian page (NTREX-128 text) with the clean-up on, off and
 * automatic; it is killed at its time limit; a missing binary means OCR is unavailable.
 */
class TesseractTests {

	private final Tesseract tesseract = new Tesseract("tesseract", 2048, Duration.ofMinutes(2));

	@Test
	void readsAPersianPageWithFewErrorsInEveryCleanupMode() throws Exception {
		TesseractPresence.require();
		PersianPage.Rendered page = PersianPage.render(PersianPage.NTREX_TEXT, 1200, 500, 30f);
		byte[] png = PersianPage.png(page.image());
		String reference = OcrBenchmark.normalise(page.drawnText());

		for (Cleanup cleanup : Cleanup.values()) {
			PageReader.PageText text = new PageReader(tesseract).read(new ByteArrayInputStream(png), "fas+eng", cleanup);

			String read = OcrBenchmark.normalise(TsvLines.text(text.lines()));
			assertThat((double) OcrBenchmark.levenshtein(reference, read) / reference.length()).as(cleanup + ": " + read).isLessThan(0.15);
			assertThat(text.lines()).allSatisfy(line -> {
				assertThat(line.x()).isBetween(0, 1200);
				assertThat(line.y()).isBetween(0, 500);
				assertThat(line.x() + line.width()).isLessThanOrEqualTo(1200);
				assertThat(line.confidence()).isBetween(0f, 100f);
			});
		}
	}

	@Test
	void killsARunThatPassesItsTimeLimit() {
		TesseractPresence.require();
		Tesseract hurried = new Tesseract("tesseract", 2048, Duration.ofMillis(1));
		byte[] png = PersianPage.png(PersianPage.render(PersianPage.NTREX_TEXT, 1200, 500, 30f).image());

		assertThatThrownBy(() -> hurried.tsv(new ByteArrayInputStream(png), "fas+eng")).isInstanceOf(OcrFailedException.class);
	}

	@Test
	void failsOnBytesThatAreNoImage() {
		TesseractPresence.require();

		assertThatThrownBy(() -> tesseract.tsv(new ByteArrayInputStream("not an image".getBytes()), "fas+eng"))
			.isInstanceOf(OcrFailedException.class);
	}

	@Test
	void isUnavailableWithoutTheBinaryOrTheLanguage() {
		assertThat(new Tesseract("/nonexistent/tesseract", 2048, Duration.ofSeconds(5)).available()).isFalse();
		assertThat(tesseract.available("fas+xyz")).isFalse();
	}

}
