package org.kinlink.cases;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/** The person did not allow this disclosure (or withdrew it meanwhile): nothing was disclosed. */
public class DisclosureRefusedException extends KinlinkException {

	public DisclosureRefusedException() {
		super("cases.disclosure.refused");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

}
