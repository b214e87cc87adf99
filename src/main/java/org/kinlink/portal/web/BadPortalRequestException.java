package org.kinlink.portal.web;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/** A request the portal cannot use, such as an over-long idempotency key. */
class BadPortalRequestException extends KinlinkException {

	BadPortalRequestException() {
		super("error.badRequest");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

}
