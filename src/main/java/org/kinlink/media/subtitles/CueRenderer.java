package org.kinlink.media.subtitles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

/**
 * Draws one subtitle as a transparent PNG with Java2D: white text with a dark outline on a translucent dark
 * box, centred, wrapped to nine tenths of the video's width. Text is laid out with {@link TextLayout}, which
 * applies the Unicode bidi algorithm and shapes Arabic script (Persian joins, ZWNJ, marks); Arabic-script runs
 * use Noto Naskh Arabic and everything else Noto Sans (both from /fonts), so Albanian ë and ç, Persian letters
 * and digits all have glyphs.
 */
@Component
class CueRenderer {

	private final Font latin;

	private final Font arabic;

	CueRenderer() {
		this.latin = load("NotoSans-Bold.ttf");
		this.arabic = load("NotoNaskhArabic-Bold.ttf");
	}

	/** The cue as PNG bytes, sized for a video of the given pixels. */
	byte[] png(String text, int videoWidth, int videoHeight) {
		float size = Math.max(14f, Math.min(videoWidth, videoHeight) / 16f);
		float padding = size / 2.5f;
		float wrap = videoWidth * 0.9f - 2 * padding;
		FontRenderContext frc = new FontRenderContext(null, true, true);
		List<TextLayout> lines = new ArrayList<>();
		for (String paragraph : text.strip().split("\\R")) {
			if (paragraph.isBlank()) {
				continue;
			}
			AttributedString styled = styled(paragraph.strip(), size);
			LineBreakMeasurer measurer = new LineBreakMeasurer(styled.getIterator(), frc);
			while (measurer.getPosition() < paragraph.strip().length()) {
				lines.add(measurer.nextLayout(wrap));
			}
		}
		float textWidth = 1;
		float textHeight = 0;
		for (TextLayout line : lines) {
			textWidth = Math.max(textWidth, line.getVisibleAdvance());
			textHeight += line.getAscent() + line.getDescent() + line.getLeading();
		}
		int width = Math.max(2, Math.min(videoWidth, Math.round(textWidth + 2 * padding)));
		int height = Math.max(2, Math.min(videoHeight, Math.round(textHeight + 2 * padding)));
		width += width % 2;
		height += height % 2;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			g.setColor(new Color(0, 0, 0, 150));
			g.fill(new RoundRectangle2D.Float(0, 0, width, height, padding, padding));
			BasicStroke outline = new BasicStroke(Math.max(2f, size / 8f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
			float y = padding;
			for (TextLayout line : lines) {
				y += line.getAscent();
				float x = (width - line.getVisibleAdvance()) / 2f;
				Shape shape = line.getOutline(AffineTransform.getTranslateInstance(x, y));
				g.setColor(Color.BLACK);
				g.setStroke(outline);
				g.draw(shape);
				g.setColor(Color.WHITE);
				g.fill(shape);
				y += line.getDescent() + line.getLeading();
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	/** The paragraph with a font per run (Arabic script or not) and its base direction from its first strong letter. */
	private AttributedString styled(String paragraph, float size) {
		Font latinSized = latin.deriveFont(size);
		Font arabicSized = arabic.deriveFont(size);
		AttributedString styled = new AttributedString(paragraph);
		boolean previousArabic = false;
		for (int i = 0; i < paragraph.length();) {
			int codePoint = paragraph.codePointAt(i);
			Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
			boolean useArabic;
			if (script == Character.UnicodeScript.ARABIC) {
				useArabic = true;
			}
			else if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
				useArabic = previousArabic ? arabicSized.canDisplay(codePoint) : !latinSized.canDisplay(codePoint);
			}
			else {
				useArabic = false;
			}
			int next = i + Character.charCount(codePoint);
			styled.addAttribute(TextAttribute.FONT, useArabic ? arabicSized : latinSized, i, next);
			previousArabic = useArabic;
			i = next;
		}
		Bidi bidi = new Bidi(paragraph, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
		styled.addAttribute(TextAttribute.RUN_DIRECTION,
				bidi.baseIsLeftToRight() ? TextAttribute.RUN_DIRECTION_LTR : TextAttribute.RUN_DIRECTION_RTL);
		return styled;
	}

	private static Font load(String file) {
		try (InputStream in = CueRenderer.class.getResourceAsStream("/fonts/" + file)) {
			if (in == null) {
				throw new IllegalStateException("font missing: " + file);
			}
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException("font unreadable: " + file, ex);
		}
	}

}
