package org.kinlink.storage.backup;

/**
 * A backup or restore that stops with a reason the operator can act on: a message code of the backup bundle
 * and its arguments (no personal data), shown in the operator's language without a stack trace.
 */
class BackupFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String code;

	private final transient Object[] arguments;

	BackupFailure(String code, Throwable cause, Object... arguments) {
		super(code, cause);
		this.code = code;
		this.arguments = arguments.clone();
	}

	static BackupFailure of(String code, Object... arguments) {
		return new BackupFailure(code, null, arguments);
	}

	String code() {
		return code;
	}

	Object[] arguments() {
		return arguments.clone();
	}

}
