package org.kinlink.cases.departure;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/** The person already has an open case: a departure opens no second one. */
class OpenCaseExistsException extends KinlinkException {

	OpenCaseExistsException() {
		super("cases.departure.openCaseExists");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

}
