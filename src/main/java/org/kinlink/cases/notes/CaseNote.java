package org.kinlink.cases.notes;

import java.time.Instant;
import java.util.UUID;

/** A note on a case: who wrote it, when, and its text (RESTRICTED, sealed when stored). Never changed. */
record CaseNote(UUID id, UUID caseId, String author, Instant writtenAt, String body) {
}
