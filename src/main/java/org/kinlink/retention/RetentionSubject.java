package org.kinlink.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * SPI for the module that owns the records of one category: it finds what has expired and crypto-shreds one
 * record (destroys its data key and its files' keys, leaves a tombstone row with dates and status only).
 */
public interface RetentionSubject {

	RetentionCategory category();

	/** Ids of records of this category whose period started before {@code cutoff} and that are not shredded yet. */
	List<UUID> expired(Instant cutoff, int limit);

	/**
	 * Shreds one record inside the caller's transaction; returns false (and changes nothing) when it is already
	 * shredded or no longer expired. Must be idempotent.
	 */
	boolean shred(UUID recordId, Instant cutoff, Instant at);

}
