package org.kinlink.audit;

import java.util.List;

/** Appends to the audit trail; nothing in the application can change or delete what was written. */
public interface AuditTrail {

	/** Records the event as done by the current user, in the current transaction if there is one. */
	void record(AuditEvent event);

	/** Records the event as done by the named actor (e.g. "system" for background work or a username at login). */
	void recordAs(String actor, AuditEvent event);

	/** The newest entries first. */
	List<AuditEntry> latest(int limit, long beforeSequence);

	/** Walks the chain from the start; the result names the first entry whose hash does not match. */
	ChainVerification verify();

}
