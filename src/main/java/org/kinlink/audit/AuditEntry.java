package org.kinlink.audit;

import java.time.Instant;

/** One stored line of the audit trail, as an auditor reads it. */
public record AuditEntry(long sequence, Instant at, String actor, String origin, String action, String recordType,
		String recordId, AuditEvent.Outcome outcome, String detail, String hash) {
}
