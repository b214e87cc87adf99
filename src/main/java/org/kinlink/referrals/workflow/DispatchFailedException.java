package org.kinlink.referrals.workflow;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/** The mail server did not take the packet; the referral stays DISPATCHED with its e-mail pending and retried. */
class DispatchFailedException extends KinlinkException {

	DispatchFailedException(Throwable cause) {
		super("referrals.dispatch.mailUnavailable");
		initCause(cause);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

}
