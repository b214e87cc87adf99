package org.kinlink.cases;

import java.util.UUID;

/** A departure was recorded and its case opened. Carries ids only. */
public record CaseOpened(UUID caseId, UUID personId) {
}
