package org.kinlink.media.processing;

import java.util.UUID;

/** A claimed job: which step, for which file, with which parameters (a step's own short string), which attempt (from 1). */
public record Job(UUID id, UUID fileId, String step, String params, int attempt) {
}
