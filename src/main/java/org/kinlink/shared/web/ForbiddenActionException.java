package org.kinlink.shared.web;

import org.springframework.http.HttpStatus;

/** The user is signed in but this action on this record is not theirs to take (e.g. approving own work). */
public class ForbiddenActionException extends KinlinkException {

	public ForbiddenActionException(String messageCode, Object... arguments) {
		super(messageCode, arguments);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.FORBIDDEN;
	}

}
