package org.kinlink.messages;

import java.time.Instant;
import java.util.UUID;

/** A message's confidential content opened for staff; every opening is audited. */
public record LetterContent(UUID messageId, String reference, LetterSubmission letter, Instant receivedAt) {
}
