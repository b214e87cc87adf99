package org.kinlink.cases.services;

import org.kinlink.shared.web.IllegalTransitionException;

/**
 * A value of a casework form that breaks a rule of the record (an end before the start, an outcome missing, a
 * status the record cannot move to): the form is shown again with the message on {@link #field()}; anywhere
 * else it is a 409 with the same message.
 */
public class InvalidEntryException extends IllegalTransitionException {

	private final String field;

	public InvalidEntryException(String field, String messageCode) {
		super(messageCode);
		this.field = field;
	}

	/** The form field the message belongs to. */
	public String field() {
		return field;
	}

}
