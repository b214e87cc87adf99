package org.kinlink.media.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Tesseract's TSV (level, page, block, paragraph, line, word, left, top, width, height, conf, text)
 * into lines: the words of each line in reading order, the union of their boxes, their mean confidence.
 * Empty words and lines are dropped; malformed rows are skipped.
 */
final class TsvLines {

	private static final int WORD_LEVEL = 5;

	private TsvLines() {
	}

	static List<OcrLine> parse(String tsv) {
		Map<String, Builder> lines = new LinkedHashMap<>();
		for (String row : tsv.split("\n")) {
			String[] cols = row.split("\t", -1);
			if (cols.length < 12 || !cols[0].strip().equals(String.valueOf(WORD_LEVEL))) {
				continue;
			}
			String word = cols[11].strip();
			if (word.isEmpty()) {
				continue;
			}
			try {
				String key = cols[1] + "/" + cols[2] + "/" + cols[3] + "/" + cols[4];
				lines.computeIfAbsent(key, k -> new Builder())
					.add(word, Integer.parseInt(cols[6].strip()), Integer.parseInt(cols[7].strip()),
							Integer.parseInt(cols[8].strip()), Integer.parseInt(cols[9].strip()),
							Float.parseFloat(cols[10].strip()));
			}
			catch (NumberFormatException ex) {
				// a malformed row: skip it
			}
		}
		return lines.values().stream().map(Builder::line).toList();
	}

	/** The mean word confidence of the whole page (0 when no word was read): how sure Tesseract was. */
	static double meanConfidence(List<OcrLine> lines) {
		return lines.stream().mapToDouble(OcrLine::confidence).average().orElse(0);
	}

	/** The text of all lines, one per line. */
	static String text(List<OcrLine> lines) {
		return String.join("\n", lines.stream().map(OcrLine::text).toList());
	}

	private static final class Builder {

		private final List<String> words = new ArrayList<>();

		private int left = Integer.MAX_VALUE;

		private int top = Integer.MAX_VALUE;

		private int right = Integer.MIN_VALUE;

		private int bottom = Integer.MIN_VALUE;

		private double confidence;

		void add(String word, int x, int y, int width, int height, float conf) {
			words.add(word);
			left = Math.min(left, x);
			top = Math.min(top, y);
			right = Math.max(right, x + width);
			bottom = Math.max(bottom, y + height);
			confidence += Math.max(0, conf);
		}

		OcrLine line() {
			return new OcrLine(String.join(" ", words), left, top, right - left, bottom - top,
					(float) (confidence / words.size()));
		}

	}

}
