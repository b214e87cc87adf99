package org.kinlink.translation.glossary;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A glossary as CSV (UTF-8, written with a byte order mark so spreadsheet programs read Persian right): a header
 * row naming the source and target languages, then "kind" and "note", e.g. {@code fa,sq,kind,note}; one entry a
 * row; several renderings separated by "|". A cell that a spreadsheet would run as a formula is written with a
 * leading apostrophe, which is dropped again on import.
 */
final class CsvGlossary {

	static final String SEPARATOR = "|";

	private static final List<String> OPTIONAL = List.of("kind", "note");

	private CsvGlossary() {
	}

	static ImportedTerms read(byte[] bytes, LanguagePair pair) {
		Optional<String> text = GlossaryFiles.text(bytes);
		if (text.isEmpty()) {
			return ImportedTerms.refused(ImportProblem.file("glossary.import.notText"));
		}
		try (CSVParser parser = CSVParser.parse(new StringReader(text.get()),
				CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get())) {
			List<ImportedTerms.Row> rows = new ArrayList<>();
			List<ImportProblem> problems = new ArrayList<>();
			List<String> header = null;
			for (CSVRecord record : parser) {
				int row = (int) record.getRecordNumber();
				if (header == null) {
					header = record.toList().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
					Optional<ImportProblem> wrong = checkHeader(header, pair);
					if (wrong.isPresent()) {
						return ImportedTerms.refused(wrong.get());
					}
					continue;
				}
				if (rows.size() + problems.size() >= GlossaryFiles.MAX_TERMS) {
					return ImportedTerms.refused(ImportProblem.file("glossary.import.tooMany", GlossaryFiles.MAX_TERMS));
				}
				if (record.size() != header.size()) {
					problems.add(ImportProblem.at(row, "glossary.import.columnCount", header.size(), record.size()));
					continue;
				}
				entry(record, header, row, rows, problems);
			}
			if (header == null) {
				return ImportedTerms.refused(ImportProblem.file("glossary.import.empty"));
			}
			if (rows.isEmpty() && problems.isEmpty()) {
				problems.add(ImportProblem.file("glossary.import.empty"));
			}
			return new ImportedTerms(rows, problems);
		}
		catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			return ImportedTerms.refused(ImportProblem.file("glossary.import.notCsv"));
		}
	}

	private static Optional<ImportProblem> checkHeader(List<String> header, LanguagePair pair) {
		if (header.size() < 2 || header.size() > 4) {
			return Optional.of(ImportProblem.file("glossary.import.header", pair.source(), pair.target()));
		}
		List<String> rest = header.subList(2, header.size());
		if (!OPTIONAL.containsAll(rest) || rest.stream().distinct().count() != rest.size()) {
			return Optional.of(ImportProblem.file("glossary.import.header", pair.source(), pair.target()));
		}
		String source = GlossaryFiles.language(header.get(0));
		String target = GlossaryFiles.language(header.get(1));
		if (!source.equals(pair.source()) || !target.equals(pair.target())) {
			return Optional.of(ImportProblem.file("glossary.import.languages", clip(header.get(0)), clip(header.get(1)),
					pair.source(), pair.target()));
		}
		return Optional.empty();
	}

	private static void entry(CSVRecord record, List<String> header, int row, List<ImportedTerms.Row> rows,
			List<ImportProblem> problems) {
		TermKind kind = TermKind.TERM;
		String note = null;
		for (int i = 2; i < header.size(); i++) {
			String value = unguard(record.get(i));
			if (header.get(i).equals("kind") && !value.isBlank()) {
				Optional<TermKind> parsed = kind(value);
				if (parsed.isEmpty()) {
					problems.add(ImportProblem.at(row, "glossary.import.kind", clip(value)));
					return;
				}
				kind = parsed.get();
			}
			else if (header.get(i).equals("note")) {
				note = value;
			}
		}
		List<String> renderings = Arrays.stream(unguard(record.get(1)).split("\\" + SEPARATOR)).toList();
		rows.add(new ImportedTerms.Row(row, TermRules.clean(kind, unguard(record.get(0)), renderings, note)));
	}

	static Optional<TermKind> kind(String value) {
		String name = value.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(TermKind.values()).filter(k -> k.name().equals(name)).findFirst();
	}

	static byte[] write(List<GlossaryTerm> terms, LanguagePair pair) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			printer.printRecord(pair.source(), pair.target(), "kind", "note");
			for (GlossaryTerm term : terms) {
				printer.printRecord(guard(term.term()), guard(String.join(SEPARATOR, term.renderings())),
						term.kind().name().toLowerCase(Locale.ROOT), guard(term.note() == null ? "" : term.note()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A cell a spreadsheet would read as a formula gets a leading apostrophe (CSV injection). */
	static String guard(String cell) {
		return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
	}

	static String unguard(String cell) {
		return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1)
				: cell;
	}

	/** A value of the file shown back in a message, cut short. */
	static String clip(String value) {
		String oneLine = value.replaceAll("\\s+", " ").strip();
		return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine;
	}

}
