package org.kinlink.translation;

import java.util.UUID;

/** A reviewer approved a message's translation into a target language. */
public record TranslationApproved(UUID messageId, String targetLanguage) {
}
