package org.kinlink.cases.followups;

import java.util.UUID;

/**
 * A follow-up is due tomorrow or overdue and its reminder went out (once per follow-up); an event internal to
 * the cases module, ids only.
 */
public record FollowUpDue(UUID followUpId, UUID caseId) {
}
