package org.kinlink.messages;

import java.util.UUID;

/** Intake accepted the message and linked its addressee to a person; translation can start. */
public record MessageAccepted(UUID messageId, String language) {
}
