package org.kinlink.messages;

import java.util.UUID;

/** A family's letter was stored. Carries ids only: content never enters the event registry. */
public record MessageReceived(UUID messageId) {
}
