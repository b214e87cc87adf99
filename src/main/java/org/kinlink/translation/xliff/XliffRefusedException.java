package org.kinlink.translation.xliff;

import java.util.List;

/** A file Kinlink does not take back: the message code says why, in the reader's language, with its arguments. */
class XliffRefusedException extends RuntimeException {

	private final String code;

	private final List<Object> args;

	XliffRefusedException(String code, Object... args) {
		super(code, null, false, false);
		this.code = code;
		this.args = List.of(args);
	}

	String code() {
		return code;
	}

	List<Object> args() {
		return args;
	}

}
