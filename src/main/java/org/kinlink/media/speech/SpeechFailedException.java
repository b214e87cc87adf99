package org.kinlink.media.speech;

import java.io.IOException;

/** The speech engine did not answer in time, refused the request or answered something unreadable. */
class SpeechFailedException extends IOException {

	SpeechFailedException(String detail) {
		super(detail);
	}

}
