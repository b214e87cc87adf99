package org.kinlink.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out on the server, so the page draws it as inline SVG with no script and no
 * style attribute. In right-to-left languages the whole chart is mirrored: labels on the right, bars growing
 * leftwards. Coordinates are whole numbers in a {@value #WIDTH}-wide view box.
 */
record BarChart(String title, String description, boolean rightToLeft, int height, List<Bar> bars) {

	static final int WIDTH = 640;

	private static final int LABEL_WIDTH = 250;

	private static final int GAP = 8;

	private static final int BAR_SPACE = 290;

	private static final int ROW = 26;

	private static final int BAR_HEIGHT = 18;

	private static final int PADDING = 8;

	public int width() {
		return WIDTH;
	}

	public String viewBox() {
		return "0 0 " + WIDTH + " " + height;
	}

	public String direction() {
		return rightToLeft ? "rtl" : "ltr";
	}

	/** One bar: its label and value text, where they go, and the bar's box (width 0 when not drawn). */
	record Bar(String label, String valueText, int labelX, int barX, int barWidth, int valueX, int y, int textY) {
	}

	/** What one bar shows: a label, a value (null draws no bar) and the value as the reader reads it. */
	record Entry(String label, Double value, String valueText) {
	}

	static BarChart of(String title, String description, boolean rightToLeft, List<Entry> entries) {
		double max = entries.stream().map(Entry::value).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		int y = PADDING;
		for (Entry entry : entries) {
			int length = entry.value() == null || max <= 0 ? 0 : (int) Math.max(1, Math.round(entry.value() / max * BAR_SPACE));
			int barStart = LABEL_WIDTH + GAP;
			int valueStart = barStart + length + 6;
			int textY = y + BAR_HEIGHT - 4;
			if (rightToLeft) {
				bars.add(new Bar(entry.label(), entry.valueText(), WIDTH - LABEL_WIDTH, WIDTH - barStart - length, length,
						WIDTH - valueStart, y, textY));
			}
			else {
				bars.add(new Bar(entry.label(), entry.valueText(), LABEL_WIDTH, barStart, length, valueStart, y, textY));
			}
			y += ROW;
		}
		return new BarChart(title, description, rightToLeft, y + PADDING - (ROW - BAR_HEIGHT), List.copyOf(bars));
	}

	public int barHeight() {
		return BAR_HEIGHT;
	}

}
