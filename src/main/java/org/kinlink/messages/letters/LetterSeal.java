package org.kinlink.messages.letters;

import java.util.UUID;

import org.kinlink.messages.LetterSubmission;
import org.kinlink.storage.Vault;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Seals a whole letter (names, details, text) as one JSON blob under the message's key, bound to the message
 * id so a sealed letter cannot be moved to another row unnoticed.
 */
@Component
class LetterSeal {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Vault vault;

	LetterSeal(Vault vault) {
		this.vault = vault;
	}

	byte[] seal(UUID keyId, UUID messageId, LetterSubmission letter) {
		return vault.sealText(keyId, JSON.writeValueAsString(letter), letterContext(messageId));
	}

	LetterSubmission open(FamilyMessage message) {
		String json = vault.openText(message.keyId(), message.letter(), letterContext(message.id()));
		return JSON.readValue(json, LetterSubmission.class);
	}

	byte[] sealReason(FamilyMessage message, String reason) {
		return vault.sealText(message.keyId(), reason, "messages.rejection:" + message.id());
	}

	String openReason(FamilyMessage message) {
		return vault.openText(message.keyId(), message.rejectionReason(), "messages.rejection:" + message.id());
	}

	private static String letterContext(UUID messageId) {
		return "messages.letter:" + messageId;
	}

}
