package org.kinlink.audit;

import java.util.List;

/** Appends to the audit trail; nothing in the application can change or delete what was written. */
public interface AuditTrail {

	/** Records the event as done by the current user, in the current transaction if there is one. */
	void record(AuditEvent event);

	/** Records the event as done by the named actor (e.g. "system" for background work or a username at login). */
	void recordAs(String actor, AuditEvent event);

	/** The newest entries first. */
	default List<AuditEntry> latest(int limit, long beforeSequence) {
		return latest(limit, beforeSequence, null);
	}

	/** The newest entries of one record type (all types when null) with a sequence below the given one. */
	List<AuditEntry> latest(int limit, long beforeSequence, String recordType);

	/** The record types the trail holds, for filtering. */
	List<String> recordTypes();

	/** Walks the chain from the start; the result names the first entry whose hash does not match. */
	ChainVerification verify();

}
