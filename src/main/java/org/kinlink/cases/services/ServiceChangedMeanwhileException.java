package org.kinlink.cases.services;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/** Someone saved the service after this form was opened: nothing was saved. */
class ServiceChangedMeanwhileException extends KinlinkException {

	ServiceChangedMeanwhileException() {
		super("caseservices.service.changedMeanwhile");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

}
