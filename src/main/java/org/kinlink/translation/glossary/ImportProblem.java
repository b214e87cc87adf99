package org.kinlink.translation.glossary;

import java.util.List;

/** Why a glossary file cannot be imported: a message code with its arguments, and the row (0 for the whole file). */
public record ImportProblem(int row, String code, List<Object> args) {

	public ImportProblem {
		args = List.copyOf(args);
	}

	static ImportProblem file(String code, Object... args) {
		return new ImportProblem(0, code, List.of(args));
	}

	static ImportProblem at(int row, String code, Object... args) {
		return new ImportProblem(row, code, List.of(args));
	}

	/** The arguments for the message, the row first. */
	public Object[] messageArgs() {
		Object[] all = new Object[args.size() + 1];
		all[0] = row;
		for (int i = 0; i < args.size(); i++) {
			all[i + 1] = args.get(i);
		}
		return all;
	}

}
