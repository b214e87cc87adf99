package org.kinlink.shared.web;

import org.springframework.http.HttpStatus;

/** The record does not exist or the user may not know that it does: both answer 404. */
public class RecordNotFoundException extends KinlinkException {

	public RecordNotFoundException() {
		super("error.notFound");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

}
