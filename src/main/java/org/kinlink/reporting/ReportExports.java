package org.kinlink.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.kinlink.reporting.Figure.Cell;

/**
 * Writes the report's figures as files: one CSV (UTF-8 with a byte order mark so Excel reads Persian, a
 * section column first, each section headed by its own header row) or one XLSX workbook with a sheet per
 * figure. Numbers stay numbers with ASCII digits, so spreadsheets can compute with them; small counts arrive
 * already replaced by their text.
 */
final class ReportExports {

	private static final int SHEET_NAME_LIMIT = 31;

	private ReportExports() {
	}

	static byte[] csv(List<Figure> figures, String sectionHeader, String emptyText) {
		StringBuilder out = new StringBuilder("\uFEFF");
		for (Figure figure : figures) {
			List<String> header = new ArrayList<>();
			header.add(sectionHeader);
			header.addAll(figure.headers());
			line(out, header);
			if (figure.isEmpty()) {
				line(out, List.of(figure.title(), emptyText));
			}
			for (List<Cell> row : figure.rows()) {
				List<String> fields = new ArrayList<>();
				fields.add(figure.title());
				row.forEach(cell -> fields.add(plain(cell.value())));
				line(out, fields);
			}
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(List<Figure> figures, boolean rightToLeft, String emptyText) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(bytes, "Kinlink", "1.0");
			Set<String> names = new HashSet<>();
			for (Figure figure : figures) {
				Worksheet sheet = workbook.newWorksheet(sheetName(figure.sheet(), names));
				if (rightToLeft) {
					sheet.rightToLeft();
				}
				for (int c = 0; c < figure.headers().size(); c++) {
					sheet.value(0, c, figure.headers().get(c));
					sheet.style(0, c).bold().set();
					sheet.width(c, 24);
				}
				if (figure.isEmpty()) {
					sheet.value(1, 0, emptyText);
				}
				for (int r = 0; r < figure.rows().size(); r++) {
					List<Cell> row = figure.rows().get(r);
					for (int c = 0; c < row.size(); c++) {
						Object value = row.get(c).value();
						if (value instanceof Number number) {
							sheet.value(r + 1, c, number);
						}
						else if (!"".equals(value)) {
							sheet.value(r + 1, c, String.valueOf(value));
						}
					}
				}
				sheet.freezePane(0, 1);
			}
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/** A sheet name Excel accepts: no []:*?/\ characters, at most 31 characters, unique in the workbook. */
	static String sheetName(String wanted, Set<String> taken) {
		String base = wanted.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
		if (base.isEmpty()) {
			base = "Sheet";
		}
		base = base.length() > SHEET_NAME_LIMIT ? base.substring(0, SHEET_NAME_LIMIT) : base;
		String name = base;
		for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
			String suffix = " " + n;
			name = base.substring(0, Math.min(base.length(), SHEET_NAME_LIMIT - suffix.length())) + suffix;
		}
		return name;
	}

	private static String plain(Object value) {
		return String.valueOf(value);
	}

	private static void line(StringBuilder out, List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(quoted(fields.get(i)));
		}
		out.append("\r\n");
	}

	/** RFC 4180 quoting; a field a spreadsheet would run as a formula is prefixed with an apostrophe. */
	private static String quoted(String field) {
		String value = field;
		if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
			value = "'" + value;
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

}
