package org.kinlink.media;

import org.kinlink.shared.web.KinlinkException;

/** A letter named an upload that is unknown, unfinished, expired or already used: nothing is stored. */
public class UploadsNotReadyException extends KinlinkException {

	public UploadsNotReadyException() {
		super("uploads.notReady");
	}

	@Override
	public org.springframework.http.HttpStatus status() {
		return org.springframework.http.HttpStatus.CONFLICT;
	}

}
