package org.kinlink.people.registry;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/** A pair marked "not the same" names one person twice: a bad request, told in the user's language. */
class SamePersonTwiceException extends KinlinkException {

	SamePersonTwiceException() {
		super("people.duplicates.samePerson");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

}
