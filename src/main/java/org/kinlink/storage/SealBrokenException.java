package org.kinlink.storage;

/** Sealed content could not be opened: it was altered, or its key was destroyed. */
public class SealBrokenException extends RuntimeException {

	public SealBrokenException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
