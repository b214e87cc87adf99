package org.kinlink.translation.memory;

import java.util.List;

/** Why a TMX file was refused: a message code of the memory bundle and its arguments (no text of the file). */
final class TmxProblem extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient List<Object> args;

	TmxProblem(String code, Object... args) {
		super(code, null, false, false);
		this.args = List.of(args);
	}

	String code() {
		return getMessage();
	}

	List<Object> args() {
		return args;
	}

}
