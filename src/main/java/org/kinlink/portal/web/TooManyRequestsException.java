package org.kinlink.portal.web;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/** A client (or everyone together) tried too often in a short time; answered with 429. */
class TooManyRequestsException extends KinlinkException {

	TooManyRequestsException() {
		super("error.tooManyRequests");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.TOO_MANY_REQUESTS;
	}

}
