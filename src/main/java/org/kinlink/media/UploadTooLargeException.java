package org.kinlink.media;

import org.kinlink.shared.web.KinlinkException;

/** A file went past the size limit; nothing of it is kept. */
public class UploadTooLargeException extends KinlinkException {

	public UploadTooLargeException() {
		super("uploads.tooLarge");
	}

	@Override
	public org.springframework.http.HttpStatus status() {
		return org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
	}

}
