package org.kinlink.shared.web;

import org.springframework.http.HttpStatus;

/** A state change the record's current state does not allow, e.g. approving what is not yet translated. */
public class IllegalTransitionException extends KinlinkException {

	public IllegalTransitionException(String messageCode, Object... arguments) {
		super(messageCode, arguments);
	}

	public IllegalTransitionException() {
		this("error.illegalTransition");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

}
