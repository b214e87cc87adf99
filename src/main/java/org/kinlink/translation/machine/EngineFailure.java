package org.kinlink.translation.machine;

/**
 * An engine gave no usable answer: a time-out, an error status, an answer that cannot be read. The reason is a
 * short code for the log ("timeout", "status 429"); it never holds any text of the letter or of the answer.
 */
class EngineFailure extends Exception {

	EngineFailure(String reason) {
		super(reason, null, false, false);
	}

}
