package org.kinlink.messages;

import java.time.Instant;
import java.util.List;

/**
 * What a receipt shows the family (S3): the status with its dates and the staff's replies, never what the
 * family sent.
 */
public record FamilyView(MessageStatus status, Instant receivedAt, Instant referredAt, Instant acknowledgedAt,
		List<StaffReply> replies) {

	/** A reply to the family: written by staff, or the relative's own answer relayed by a caseworker. */
	public record StaffReply(java.util.UUID id, String text, Instant sentAt, boolean fromRelative) {
	}

}
