package org.kinlink.cases.notifications;

import java.time.Instant;

/** A departure notification template for one kind of authority: language, deadline, subject and body. */
record NotificationTemplate(String authorityKind, String language, int deadlineHours, String subject, String body,
		boolean enabled, Instant updatedAt, String updatedBy, int version) {
}
