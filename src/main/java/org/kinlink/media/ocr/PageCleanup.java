package org.kinlink.media.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Prepares a photographed or scanned page for OCR, in memory: grey levels, contrast stretched between the
 * 1st and 99th percentile, the skew found by projection profiles (within ±6°) and undone, then binarised
 * with Sauvola's local threshold (which copes with the uneven light of a photographed letter). Boxes found
 * on the straightened page are mapped back to the original with {@link Cleaned#unrotate}.
 */
final class PageCleanup {

	/** Pages with more pixels than this are not cleaned (OCR reads them as they are). */
	static final long MAX_PIXELS = 40_000_000L;

	private static final double MAX_SKEW = 6.0;

	private static final double SKEW_STEP = 0.25;

	private static final int MIN_CONTRAST = 18;

	private PageCleanup() {
	}

	/** Decodes the image (PNG or JPEG made by our own re-encoding), refusing more than {@link #MAX_PIXELS}. */
	static BufferedImage decode(InputStream in) throws IOException {
		try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
			if (stream == null || !readers.hasNext()) {
				throw new OcrFailedException("undecodable");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(stream, true, true);
				if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
					throw new OcrFailedException("too many pixels");
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
	}

	static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	static Cleaned clean(BufferedImage source) {
		BufferedImage gray = grey(source);
		stretch(gray);
		double angle = skew(gray);
		BufferedImage straight = Math.abs(angle) < 0.1 ? gray : rotate(gray, -angle);
		return new Cleaned(sauvola(smooth(straight)), angle);
	}

	static BufferedImage grey(BufferedImage source) {
		BufferedImage gray = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = gray.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, gray.getWidth(), gray.getHeight());
		g.drawImage(source, 0, 0, null);
		g.dispose();
		return gray;
	}

	private static byte[] pixels(BufferedImage gray) {
		return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
	}

	/** Stretches grey levels so that the 1st percentile becomes black and the 99th white. */
	static void stretch(BufferedImage gray) {
		byte[] px = pixels(gray);
		int[] histogram = new int[256];
		for (byte b : px) {
			histogram[b & 0xff]++;
		}
		int low = percentile(histogram, px.length, 0.01);
		int high = percentile(histogram, px.length, 0.99);
		if (high - low < 8) {
			return;
		}
		int[] map = new int[256];
		for (int v = 0; v < 256; v++) {
			map[v] = Math.max(0, Math.min(255, (v - low) * 255 / (high - low)));
		}
		for (int i = 0; i < px.length; i++) {
			px[i] = (byte) map[px[i] & 0xff];
		}
	}

	private static int percentile(int[] histogram, int total, double fraction) {
		long target = (long) (total * fraction);
		long seen = 0;
		for (int v = 0; v < 256; v++) {
			seen += histogram[v];
			if (seen > target) {
				return v;
			}
		}
		return 255;
	}

	/** The angle (degrees, counter-clockwise positive) that makes the text lines sharpest in a row profile. */
	static double skew(BufferedImage gray) {
		int scale = Math.max(1, Math.max(gray.getWidth(), gray.getHeight()) / 1000);
		int w = gray.getWidth() / scale;
		int h = gray.getHeight() / scale;
		byte[] px = pixels(gray);
		int threshold = otsu(px);
		int[] xs = new int[w * h];
		int[] ys = new int[w * h];
		int dark = 0;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if ((px[(y * scale) * gray.getWidth() + x * scale] & 0xff) < threshold) {
					xs[dark] = x - w / 2;
					ys[dark] = y;
					dark++;
				}
			}
		}
		if (dark < 50 || dark > w * h / 2) {
			return 0;
		}
		double best = 0;
		double bestScore = -1;
		for (double angle = -MAX_SKEW; angle <= MAX_SKEW + 1e-9; angle += SKEW_STEP) {
			double tan = Math.tan(Math.toRadians(angle));
			int[] rows = new int[h * 2 + w];
			int offset = h / 2 + w / 2;
			for (int i = 0; i < dark; i++) {
				int row = (int) Math.round(ys[i] + xs[i] * tan) + offset / 2;
				if (row >= 0 && row < rows.length) {
					rows[row]++;
				}
			}
			double score = 0;
			for (int r = 1; r < rows.length; r++) {
				double d = rows[r] - rows[r - 1];
				score += d * d;
			}
			if (score > bestScore + 1e-6 || (Math.abs(score - bestScore) <= 1e-6 && Math.abs(angle) < Math.abs(best))) {
				bestScore = score;
				best = angle;
			}
		}
		return best;
	}

	static int otsu(byte[] px) {
		int[] histogram = new int[256];
		for (byte b : px) {
			histogram[b & 0xff]++;
		}
		long total = px.length;
		double sum = 0;
		for (int v = 0; v < 256; v++) {
			sum += (double) v * histogram[v];
		}
		double sumBack = 0;
		long back = 0;
		double bestVariance = -1;
		int best = 128;
		for (int v = 0; v < 256; v++) {
			back += histogram[v];
			if (back == 0) {
				continue;
			}
			long fore = total - back;
			if (fore == 0) {
				break;
			}
			sumBack += (double) v * histogram[v];
			double meanBack = sumBack / back;
			double meanFore = (sum - sumBack) / fore;
			double variance = (double) back * fore * (meanBack - meanFore) * (meanBack - meanFore);
			if (variance > bestVariance) {
				bestVariance = variance;
				best = v + 1;
			}
		}
		return best;
	}

	/** The image turned by {@code degrees} (counter-clockwise positive) about its centre, on white, same size. */
	static BufferedImage rotate(BufferedImage gray, double degrees) {
		BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = out.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(gray, AffineTransform.getRotateInstance(Math.toRadians(-degrees), gray.getWidth() / 2.0,
				gray.getHeight() / 2.0), null);
		g.dispose();
		return out;
	}

	/** A 3 x 3 box blur: takes the grain of a phone camera's sensor out before thresholding. */
	static BufferedImage smooth(BufferedImage gray) {
		int w = gray.getWidth();
		int h = gray.getHeight();
		byte[] px = pixels(gray);
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		byte[] result = pixels(out);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int sum = 0;
				int n = 0;
				for (int dy = Math.max(0, y - 1); dy <= Math.min(h - 1, y + 1); dy++) {
					for (int dx = Math.max(0, x - 1); dx <= Math.min(w - 1, x + 1); dx++) {
						sum += px[dy * w + dx] & 0xff;
						n++;
					}
				}
				result[y * w + x] = (byte) (sum / n);
			}
		}
		return out;
	}

	/** Sauvola's threshold over a square window, with running column sums (memory of one row of sums). */
	static BufferedImage sauvola(BufferedImage gray) {
		int w = gray.getWidth();
		int h = gray.getHeight();
		int radius = Math.max(7, Math.min(w, h) / 80);
		double k = 0.3;
		byte[] px = pixels(gray);
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		byte[] result = pixels(out);
		long[] colSum = new long[w];
		long[] colSq = new long[w];
		int top = 0;
		int bottom = -1;
		for (int y = 0; y < h; y++) {
			int wantTop = Math.max(0, y - radius);
			int wantBottom = Math.min(h - 1, y + radius);
			while (bottom < wantBottom) {
				bottom++;
				for (int x = 0; x < w; x++) {
					int v = px[bottom * w + x] & 0xff;
					colSum[x] += v;
					colSq[x] += (long) v * v;
				}
			}
			while (top < wantTop) {
				for (int x = 0; x < w; x++) {
					int v = px[top * w + x] & 0xff;
					colSum[x] -= v;
					colSq[x] -= (long) v * v;
				}
				top++;
			}
			int rows = bottom - top + 1;
			long sum = 0;
			long sq = 0;
			int left = 0;
			int right = -1;
			for (int x = 0; x < w; x++) {
				int wantLeft = Math.max(0, x - radius);
				int wantRight = Math.min(w - 1, x + radius);
				while (right < wantRight) {
					right++;
					sum += colSum[right];
					sq += colSq[right];
				}
				while (left < wantLeft) {
					sum -= colSum[left];
					sq -= colSq[left];
					left++;
				}
				double n = (double) rows * (right - left + 1);
				double mean = sum / n;
				double sd = Math.sqrt(Math.max(0, sq / n - mean * mean));
				double threshold = mean * (1 + k * (sd / 128.0 - 1));
				int v = px[y * w + x] & 0xff;
				// Ink must also stand out from its surroundings, so that flat paper with grain stays white.
				result[y * w + x] = (byte) (v > threshold || mean - v < MIN_CONTRAST ? 255 : 0);
			}
		}
		return out;
	}

	/** A cleaned page and the skew that was undone, to map boxes back onto the page staff see. */
	record Cleaned(BufferedImage image, double angle) {

		/** The box (on the straightened page) as a box on the original page. */
		int[] unrotate(int x, int y, int width, int height) {
			if (Math.abs(angle) < 0.1) {
				return new int[] { x, y, width, height };
			}
			double cx = image.getWidth() / 2.0;
			double cy = image.getHeight() / 2.0;
			AffineTransform back = AffineTransform.getRotateInstance(Math.toRadians(-angle), cx, cy);
			double[] corners = { x, y, x + width, y, x, y + height, x + width, y + height };
			back.transform(corners, 0, corners, 0, 4);
			double minX = Double.MAX_VALUE;
			double minY = Double.MAX_VALUE;
			double maxX = -Double.MAX_VALUE;
			double maxY = -Double.MAX_VALUE;
			for (int i = 0; i < 8; i += 2) {
				minX = Math.min(minX, corners[i]);
				maxX = Math.max(maxX, corners[i]);
				minY = Math.min(minY, corners[i + 1]);
				maxY = Math.max(maxY, corners[i + 1]);
			}
			int left = (int) Math.max(0, Math.floor(minX));
			int topEdge = (int) Math.max(0, Math.floor(minY));
			int right = (int) Math.min(image.getWidth(), Math.ceil(maxX));
			int bottomEdge = (int) Math.min(image.getHeight(), Math.ceil(maxY));
			return new int[] { left, topEdge, Math.max(1, right - left), Math.max(1, bottomEdge - topEdge) };
		}

	}

}
