package org.kinlink.shared.web;

import org.springframework.http.HttpStatus;

/**
 * A problem a user can be told about in their language: it carries a message code, never text, and the
 * HTTP status it maps to. Subclasses name the kind of problem.
 */
public abstract class KinlinkException extends RuntimeException {

	private final String messageCode;

	private final transient Object[] arguments;

	protected KinlinkException(String messageCode, Object... arguments) {
		super(messageCode);
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	public String messageCode() {
		return messageCode;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	public abstract HttpStatus status();

}
