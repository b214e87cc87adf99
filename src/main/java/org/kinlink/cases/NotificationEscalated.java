package org.kinlink.cases;

import java.util.UUID;

/** A departure notification was not dispatched by its deadline; the team's supervisors were alerted. */
public record NotificationEscalated(UUID notificationId, UUID caseId) {
}
