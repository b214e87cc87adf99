package org.kinlink.tracing;

import java.time.LocalDate;

/**
 * What a family reads about its tracing request. SEARCHING until staff answer; then NO_INFORMATION (the same
 * words and the same fields whether the person was not found, chose nothing, or withdrew), ALIVE_AND_WELL,
 * MESSAGES_WELCOME (the family may write to them through the association) or IN_TOUCH with the note the
 * caseworker wrote under the person's consent to share contact details. {@code answeredOn} is a day, not a
 * time, so two answers cannot be told apart by the moment they were given.
 */
public record TracingAnswer(Kind kind, LocalDate receivedOn, LocalDate answeredOn, String note) {

	/** The kinds of answer, from nothing said to contact details shared. */
	public enum Kind {
		SEARCHING, NO_INFORMATION, ALIVE_AND_WELL, MESSAGES_WELCOME, IN_TOUCH
	}

}
