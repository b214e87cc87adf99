package org.kinlink.media;

/** Where a file is in processing; QUARANTINED files are kept but never shown or sent. */
public enum MediaStatus {

	RECEIVED, PROCESSING, READY, QUARANTINED

}
