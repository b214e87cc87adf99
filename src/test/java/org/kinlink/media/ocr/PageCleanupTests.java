package org.kinlink.media.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;

/** The clean-up finds and undoes the skew of a page, binarises it, and maps boxes back onto the original. */
class PageCleanupTests {

	private final BufferedImage page = PersianPage.render(PersianPage.NTREX_TEXT.repeat(3), 1000, 1000, 28f).image();

	@Test
	void findsTheSkewOfATurnedPage() {
		assertThat(PageCleanup.skew(page)).isCloseTo(0.0, within(0.3));
		assertThat(PageCleanup.skew(PageCleanup.rotate(page, 3.0))).isCloseTo(3.0, within(0.5));
		assertThat(PageCleanup.skew(PageCleanup.rotate(page, -2.0))).isCloseTo(-2.0, within(0.5));
	}

	@Test
	void leavesOnlyBlackAndWhiteWithTheSkewUndone() {
		PageCleanup.Cleaned cleaned = PageCleanup.clean(PageCleanup.rotate(page, 2.5));

		assertThat(cleaned.angle()).isCloseTo(2.5, within(0.5));
		byte[] pixels = ((DataBufferByte) cleaned.image().getRaster().getDataBuffer()).getData();
		long black = 0;
		for (byte b : pixels) {
			assertThat(b & 0xff).isIn(0, 255);
			black += (b & 0xff) == 0 ? 1 : 0;
		}
		assertThat(black).isBetween(pixels.length / 200L, pixels.length / 5L);
		assertThat(PageCleanup.skew(cleaned.image())).isCloseTo(0.0, within(0.5));
	}

	@Test
	void mapsABoxOfTheStraightenedPageBackInsideTheOriginal() {
		PageCleanup.Cleaned cleaned = new PageCleanup.Cleaned(page, 3.0);

		int[] box = cleaned.unrotate(100, 100, 800, 40);

		assertThat(box[0]).isBetween(70, 130);
		assertThat(box[2]).isBetween(790, 840);
		assertThat(box[3]).isGreaterThan(40);
		assertThat(new PageCleanup.Cleaned(page, 0).unrotate(1, 2, 3, 4)).containsExactly(1, 2, 3, 4);
	}

	@Test
	void refusesToDecodeWhatIsNoImage() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageCleanup.decode(new ByteArrayInputStream(new byte[] { 1, 2, 3 })))
			.isInstanceOf(OcrFailedException.class);
	}

}
