package org.kinlink.messages.letters;

import java.time.Instant;
import java.util.UUID;

/**
 * One opened reply: from staff (with the author's username), from the family (no author), or from the relative
 * the family wrote to, relayed by their caseworker (author: the caseworker).
 */
record Reply(UUID id, Direction direction, String author, String text, Instant sentAt) {

	/** Who wrote the reply. */
	enum Direction {
		STAFF, FAMILY, RELATIVE
	}

}
