package org.kinlink.portal.receipts;

import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.HttpStatus;

/** Too many receipts are being checked at this moment; the visitor is asked to try again shortly. */
public class PortalBusyException extends KinlinkException {

	public PortalBusyException() {
		super("error.unavailable");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

}
