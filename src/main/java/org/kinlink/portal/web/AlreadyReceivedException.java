package org.kinlink.portal.web;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/** The same letter form (or API idempotency key) was submitted before; no second message was made. */
class AlreadyReceivedException extends KinlinkException {

	AlreadyReceivedException() {
		super("portal.letter.alreadyReceived");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

}
