package org.kinlink.reporting;

import java.util.List;

/**
 * One figure of the report, already in the reader's language: a table (headers and rows of cells) and the bar
 * chart drawn from it. Pages, CSV and XLSX all render this same object, so they always agree.
 */
record Figure(String id, String title, String intro, String sheet, List<String> headers, List<List<Cell>> rows,
		BarChart chart) {

	public boolean isEmpty() {
		return rows.isEmpty();
	}

	/**
	 * One value: {@code text} as the page shows it (digits in the reader's script), {@code value} as exports
	 * write it (a Long, Integer, Double, or a String such as "fewer than 5"; an empty String for no value).
	 */
	record Cell(String text, Object value, boolean numeric) {
	}

}
