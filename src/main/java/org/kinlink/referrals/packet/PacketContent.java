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
	 * One family message in the packet: who wrote to whom, the approved translation segment by segment (in the
	 * language named by translationLanguage) and the original in the letter's own language.
	 */
	public record Letter(String messageReference, Instant receivedAt, String senderName, String relationship,
			String addresseeNamePersian, String addresseeNameLatin, String addresseeFatherName,
			Integer addresseeBirthYear, String translationLanguage, List<String> translation, String originalLanguage,
			String original) {

		public Letter {
			translation = List.copyOf(translation);
		}

		/** The translation as one text, a segment per line: what its enclosure digest is taken over. */
		public String translationText() {
			return String.join("\n", translation);
		}

		/** Persian and Dari are written right to left; everything else left to right. */
		public boolean originalRightToLeft() {
			return "fa".equals(originalLanguage) || "prs".equals(originalLanguage);
		}

	}

}
