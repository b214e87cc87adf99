package org.kinlink.referrals.workflow;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.LetterContent;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageStatus;
import org.kinlink.referrals.packet.PacketContent;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.translation.ApprovedTranslation;
import org.kinlink.translation.Translations;

import org.springframework.stereotype.Component;

/**
 * Gathers what a packet shows from the messages and translation modules: the translation in the recipient's
 * language (Albanian for "sq"; English otherwise, falling back to Albanian) and the original letter.
 */
@Component
class PacketAssembler {

	private static final Set<MessageStatus> REFERABLE = EnumSet.of(MessageStatus.APPROVED, MessageStatus.REFERRED,
			MessageStatus.ACKNOWLEDGED, MessageStatus.DELIVERED);

	private final FamilyMessages messages;

	private final Translations translations;

	PacketAssembler(FamilyMessages messages, Translations translations) {
		this.messages = messages;
		this.translations = translations;
	}

	/** The packet of a referral, addressed to the recipient copied into it when the draft was made. */
	PacketContent content(Referral referral, Instant date) {
		Recipient recipient = referral.recipient();
		List<PacketContent.Letter> letters = referral.messageIds()
			.stream()
			.map(id -> letter(id, recipient.language()))
			.toList();
		return new PacketContent(referral.reference(), recipient.language(), date, recipient.name(),
				recipient.postalAddress(), recipient.acknowledgementDays(), letters);
	}

	/**
	 * Whether a message is approved (or further along): only then can dispatch move it to REFERRED. The message
	 * reaches APPROVED through its Albanian translation, so an approved English one alone is not enough.
	 */
	boolean isReferable(UUID messageId) {
		return isReferable(messages.summary(messageId).status());
	}

	static boolean isReferable(MessageStatus status) {
		return REFERABLE.contains(status);
	}

	/** Whether a message has a translation a packet in this language can carry. */
	boolean hasTranslationFor(UUID messageId, String recipientLanguage) {
		return translationFor(messageId, recipientLanguage).isPresent();
	}

	private PacketContent.Letter letter(UUID messageId, String recipientLanguage) {
		ApprovedTranslation translation = translationFor(messageId, recipientLanguage)
			.orElseThrow(() -> new IllegalTransitionException(ReferralService.NO_TRANSLATION));
		LetterContent content = messages.content(messageId);
		LetterSubmission letter = content.letter();
		return new PacketContent.Letter(content.reference(), content.receivedAt(),
				join(letter.senderNamePersian(), letter.senderNameLatin()), letter.relationship(),
				letter.addresseeNamePersian(), letter.addresseeNameLatin(), letter.addresseeFatherName(),
				letter.addresseeBirthYear(), translation.targetLanguage(), translation.segments(), letter.language(),
				letter.text());
	}

	private Optional<ApprovedTranslation> translationFor(UUID messageId, String recipientLanguage) {
		if ("sq".equals(recipientLanguage)) {
			return translations.approved(messageId, "sq");
		}
		return translations.approved(messageId, "en").or(() -> translations.approved(messageId, "sq"));
	}

	private static String join(String persian, String latin) {
		if (persian == null || persian.isBlank()) {
			return latin;
		}
		return latin == null || latin.isBlank() ? persian : persian + " / " + latin;
	}

}
