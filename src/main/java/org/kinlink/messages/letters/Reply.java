package org.kinlink.messages.letters;

import java.time.Instant;
import java.util.UUID;

/** One opened reply: from staff (with the author's username) or from the family (no author). */
record Reply(UUID id, Direction direction, String author, String text, Instant sentAt) {

	/** Who wrote the reply. */
	enum Direction {
		STAFF, FAMILY
	}

}
