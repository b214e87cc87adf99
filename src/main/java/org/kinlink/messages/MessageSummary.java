package org.kinlink.messages;

import java.time.Instant;
import java.util.UUID;

/** What may be shown about a message without opening its content: reference, state, language, dates. */
public record MessageSummary(UUID messageId, String reference, MessageStatus status, String language,
		Instant receivedAt, UUID personId) {
}
