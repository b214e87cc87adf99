package org.kinlink.translation.glossary;

import java.util.List;

/** What a glossary file holds: the entries read (each with its row) or the problems that stop the import. */
record ImportedTerms(List<Row> rows, List<ImportProblem> problems) {

	/** An entry and the row (CSV record or TBX line) it came from. */
	record Row(int row, TermDraft draft) {
	}

	ImportedTerms {
		rows = List.copyOf(rows);
		problems = List.copyOf(problems);
	}

	static ImportedTerms refused(ImportProblem problem) {
		return new ImportedTerms(List.of(), List.of(problem));
	}

}
