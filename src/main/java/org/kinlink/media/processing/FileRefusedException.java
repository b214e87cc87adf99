package org.kinlink.media.processing;

/**
 * The file itself is unacceptable (type not allowed, damaged, too many pixels, too long): it is quarantined
 * with the message key of the reason, which staff see in their language.
 */
public class FileRefusedException extends Exception {

	private final String problemKey;

	public FileRefusedException(String problemKey) {
		super(problemKey);
		this.problemKey = problemKey;
	}

	public String problemKey() {
		return problemKey;
	}

}
