package org.kinlink.audit;

/**
 * One thing that happened to a record: what (an action name such as "message.read"), which record, and the
 * outcome. Who and from where are filled in by the trail from the request; the portal's visitors stay
 * anonymous and leave no address.
 */
public record AuditEvent(String action, String recordType, String recordId, Outcome outcome, String detail) {

	public enum Outcome {
		SUCCESS, DENIED, FAILURE
	}

	public static AuditEvent success(String action, String recordType, Object recordId) {
		return new AuditEvent(action, recordType, String.valueOf(recordId), Outcome.SUCCESS, null);
	}

	public static AuditEvent denied(String action, String recordType, Object recordId) {
		return new AuditEvent(action, recordType, String.valueOf(recordId), Outcome.DENIED, null);
	}

	public static AuditEvent failure(String action, String recordType, Object recordId) {
		return new AuditEvent(action, recordType, String.valueOf(recordId), Outcome.FAILURE, null);
	}

	/** A short detail with no personal data, e.g. the new state "ACCEPTED" or a role name. */
	public AuditEvent withDetail(String newDetail) {
		return new AuditEvent(action, recordType, recordId, outcome, newDetail);
	}

}
