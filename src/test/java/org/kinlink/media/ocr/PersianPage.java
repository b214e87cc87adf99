package org.kinlink.media.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;

/**
 * Renders Persian text right to left with Noto Naskh Arabic (src/main/resources/fonts) onto a white page, as a
 * scan would show it, for OCR tests and the benchmark. {@link Rendered#drawnText()} is what fitted on the page.
 */
public final class PersianPage {

	/**
	 * Two sentences of NTREX-128 (newstest2019-ref.fas.txt, lines 1 and 3; CC BY-SA 4.0, Federmann, Kocmi,
	 * Xin 2022, github.com/MicrosoftTranslator/NTREX), copied unchanged.
	 */
	public static final String NTREX_TEXT = "اعضای مجلس ولز نگران هستند که «همانند عروسک خیمه‌ شب بازی» دیده شوند. "
			+ "این نگرانی به دلیل طرحهایی است که برای تغییر نام مجلس به «پارلمان ولز» مطرح شده است.";

	private PersianPage() {
	}

	/** The page and the text drawn on it. */
	public record Rendered(BufferedImage image, String drawnText) {
	}

	public static Rendered render(String text, int width, int height, float fontSize) {
		int margin = width / 12;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
		AttributedString attributed = new AttributedString(text);
		attributed.addAttribute(TextAttribute.FONT, font(fontSize));
		attributed.addAttribute(TextAttribute.RUN_DIRECTION, TextAttribute.RUN_DIRECTION_RTL);
		LineBreakMeasurer measurer = new LineBreakMeasurer(attributed.getIterator(), g.getFontRenderContext());
		float y = margin;
		int drawnTo = 0;
		while (measurer.getPosition() < text.length()) {
			TextLayout layout = measurer.nextLayout(width - 2f * margin);
			y += layout.getAscent();
			if (y + layout.getDescent() > height - margin) {
				break;
			}
			layout.draw(g, width - margin - layout.getAdvance(), y);
			y += layout.getDescent() + layout.getLeading() + fontSize * 0.6f;
			drawnTo = measurer.getPosition();
		}
		g.dispose();
		return new Rendered(image, text.substring(0, drawnTo));
	}

	static Font font(float size) {
		try (InputStream in = PersianPage.class.getResourceAsStream("/fonts/NotoNaskhArabic-Regular.ttf")) {
			return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] png(BufferedImage image) {
		try {
			return PageCleanup.png(image);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
