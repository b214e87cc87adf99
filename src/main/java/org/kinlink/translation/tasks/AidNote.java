package org.kinlink.translation.tasks;

import java.util.List;

/** A line about the whole document shown above the editor: a message code and its arguments. */
public record AidNote(String code, List<Object> args) {

	public AidNote {
		args = List.copyOf(args);
	}

}
