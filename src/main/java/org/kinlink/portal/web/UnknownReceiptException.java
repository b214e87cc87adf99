package org.kinlink.portal.web;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/** A well-formed receipt that matches no letter; the answer is the same for every such receipt (S2). */
class UnknownReceiptException extends KinlinkException {

	UnknownReceiptException() {
		super("portal.receipt.unknown");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

}
