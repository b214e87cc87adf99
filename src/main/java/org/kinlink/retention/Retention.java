package org.kinlink.retention;

/** Runs the retention rules now; the restore command calls it before the server serves restored data. */
public interface Retention {

	/** One full pass over every category with a period; returns how many records were shredded. Idempotent. */
	int enforceNow();

}
