package org.kinlink.people;

import java.time.Instant;
import java.util.UUID;

/** A person known to Kinlink, opened for staff. */
public record Person(UUID id, PersonDetails details, Instant createdAt) {

	/** The name to show: Persian and Latin when both are known. */
	public String displayName() {
		String persian = details.namePersian();
		String latin = details.nameLatin();
		if (persian != null && latin != null) {
			return persian + " / " + latin;
		}
		return persian != null ? persian : latin;
	}

}
