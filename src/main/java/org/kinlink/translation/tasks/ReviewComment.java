package org.kinlink.translation.tasks;

import java.time.Instant;

/** Why a reviewer returned a task to its translator, opened for the translator or a reviewer. */
public record ReviewComment(String author, Instant writtenAt, String text) {
}
