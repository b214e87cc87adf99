package org.kinlink.messages;

import java.util.UUID;

/** Intake rejected the message (abuse, spam, out of scope); the reason stays in the messages module. */
public record MessageRejected(UUID messageId) {
}
