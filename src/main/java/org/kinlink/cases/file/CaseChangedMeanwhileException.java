package org.kinlink.cases.file;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/**
 * Someone else saved the case after this form was opened (optimistic locking): nothing was saved; the user
 * reloads the case and makes the change again.
 */
public class CaseChangedMeanwhileException extends KinlinkException {

	public CaseChangedMeanwhileException() {
		super("cases.case.changedMeanwhile");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

}
