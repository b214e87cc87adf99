package org.kinlink.portal.web;

import java.time.Instant;
import java.util.List;

import org.kinlink.messages.FamilyView;

/** What a receipt shows: the simple status, its dates and the staff's replies; never the family's letter (S3). */
record StatusView(FamilyStatus status, Instant receivedAt, Instant sentAt, Instant acknowledgedAt,
		List<FamilyView.StaffReply> replies) {
}
