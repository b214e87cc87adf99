package org.kinlink.referrals.packet;

import java.time.Instant;
import java.util.List;

/**
 * Everything a referral packet shows, as plain values: the packet can be built and tested without the
 * messages and translation modules. The language is the recipient's language of correspondence.
 */
public record PacketContent(String reference, String language, Instant date, String recipientName,
		String recipientAddress, int acknowledgeWithinDays, List<Letter> letters) {

	public PacketContent {
		letters = List.copyOf(letters);
	}

	/**
	 * One family message in the packet: who wrote to whom, the approved translation (in the language named
	 * by translationLanguage) and the Persian original.
	 */
	public record Letter(String messageReference, Instant receivedAt, String senderName, String relationship,
			String addresseeNamePersian, String addresseeNameLatin, String addresseeFatherName,
			Integer addresseeBirthYear, String translationLanguage, String translation, String original) {
	}

}
