package org.kinlink.media.ocr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads the text lines of one page image with Tesseract, with or without {@link PageCleanup} first. */
final class PageReader {

	private final Tesseract tesseract;

	PageReader(Tesseract tesseract) {
		this.tesseract = tesseract;
	}

	/** The lines of the page, boxes in pixels of the page as given. */
	PageText read(InputStream image, String languages, Cleanup cleanup) throws IOException, InterruptedException {
		if (cleanup == Cleanup.OFF) {
			return raw(image, languages);
		}
		byte[] bytes = image.readAllBytes();
		PageText cleaned;
		try {
			cleaned = cleaned(bytes, languages);
		}
		catch (OcrFailedException ex) {
			// The clean-up could not decode the page (or it has too many pixels): Tesseract reads it as it is.
			return raw(new ByteArrayInputStream(bytes), languages);
		}
		if (cleanup == Cleanup.ON) {
			return cleaned;
		}
		PageText plain = raw(new ByteArrayInputStream(bytes), languages);
		return cleaned.confidence() > plain.confidence() ? cleaned : plain;
	}

	private PageText raw(InputStream image, String languages) throws IOException, InterruptedException {
		List<OcrLine> lines = TsvLines.parse(tesseract.tsv(image, languages));
		return new PageText(lines, TsvLines.meanConfidence(lines), false);
	}

	private PageText cleaned(byte[] bytes, String languages) throws IOException, InterruptedException {
		PageCleanup.Cleaned page = PageCleanup.clean(PageCleanup.decode(new ByteArrayInputStream(bytes)));
		List<OcrLine> lines = TsvLines.parse(tesseract.tsv(new ByteArrayInputStream(PageCleanup.png(page.image())), languages))
			.stream()
			.map(line -> {
				int[] box = page.unrotate(line.x(), line.y(), line.width(), line.height());
				return new OcrLine(line.text(), box[0], box[1], box[2], box[3], line.confidence());
			})
			.toList();
		return new PageText(lines, TsvLines.meanConfidence(lines), true);
	}

	/** What was read on a page, how confident Tesseract was on average, and whether the cleaned page won. */
	record PageText(List<OcrLine> lines, double confidence, boolean cleaned) {
	}

}
