package org.kinlink.referrals.workflow;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.kinlink.media.MediaContent;
import org.kinlink.media.MediaFile;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.MediaKind;
import org.kinlink.media.MediaStatus;
import org.kinlink.media.Rendition;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.LetterContent;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageStatus;
import org.kinlink.referrals.packet.PacketContent;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.translation.ApprovedFileTranslation;
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

	static final String NO_SUBTITLED_COPY = "referrals.error.noSubtitledCopy";

	private final FamilyMessages messages;

	private final Translations translations;

	private final MediaFiles files;

	private final MediaEnclosures enclosures;

	PacketAssembler(FamilyMessages messages, Translations translations, MediaFiles files, MediaEnclosures enclosures) {
		this.messages = messages;
		this.translations = translations;
		this.files = files;
		this.enclosures = enclosures;
	}

	/** The packet of a referral, addressed to the recipient copied into it when the draft was made. */
	PacketContent content(Referral referral, Instant date) {
		Recipient recipient = referral.recipient();
		List<PacketContent.Letter> letters = referral.messageIds()
			.stream()
			.map(id -> letter(referral.id(), id, recipient.language(), date))
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
		return packetLanguage(messageId, recipientLanguage).isPresent();
	}

	private PacketContent.Letter letter(UUID referralId, UUID messageId, String recipientLanguage, Instant date) {
		String language = packetLanguage(messageId, recipientLanguage)
			.orElseThrow(() -> new IllegalTransitionException(ReferralService.NO_TRANSLATION));
		// A letter sent only as files (a video, a scan) has no text and so no text translation.
		List<String> textSegments = translations.approved(messageId, language)
			.map(ApprovedTranslation::segments)
			.orElse(List.of());
		LetterContent content = messages.content(messageId);
		LetterSubmission letter = content.letter();
		return new PacketContent.Letter(content.reference(), content.receivedAt(),
				join(letter.senderNamePersian(), letter.senderNameLatin()), letter.relationship(),
				letter.addresseeNamePersian(), letter.addresseeNameLatin(), letter.addresseeFatherName(),
				letter.addresseeBirthYear(), language, textSegments, letter.language(),
				letter.text(), fileTexts(messageId, language), scans(messageId),
				videos(referralId, messageId, language, date));
	}

	/** The ready files of a message in order, numbered from 1 as the packet names them. */
	private List<MediaFile> readyFiles(UUID messageId) {
		return files.forMessage(messageId).stream().filter(file -> file.status() == MediaStatus.READY).toList();
	}

	private int number(UUID messageId, UUID fileId) {
		List<UUID> ids = files.forMessage(messageId).stream().map(MediaFile::id).toList();
		return ids.indexOf(fileId) + 1;
	}

	/** The approved translations of the message's files (transcripts of scans, voice notes and videos). */
	private List<PacketContent.FileText> fileTexts(UUID messageId, String language) {
		return translations.approvedFiles(messageId, language).stream()
			.map(file -> new PacketContent.FileText(number(messageId, file.fileId()), file.mediaKind(),
					file.segments().stream().map(PacketAssembler::place).toList(),
					file.segments().stream().map(ApprovedFileTranslation.Segment::text).toList(),
					file.segments().stream().map(ApprovedFileTranslation.Segment::original).toList()))
			.toList();
	}

	private static String place(ApprovedFileTranslation.Segment segment) {
		if (segment.startMs() != null && segment.endMs() != null) {
			return clock(segment.startMs()) + "–" + clock(segment.endMs());
		}
		return segment.page() == null ? "" : "p. " + segment.page();
	}

	private static String clock(long ms) {
		long seconds = ms / 1000;
		return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
				: String.format("%02d:%02d", seconds / 60, seconds % 60);
	}

	/** Every page of the message's scans and photos (PAGE renditions, or the WORKING image of a photo). */
	private List<PacketContent.Scan> scans(UUID messageId) {
		List<PacketContent.Scan> scans = new java.util.ArrayList<>();
		for (MediaFile file : readyFiles(messageId)) {
			if (file.kind() != MediaKind.IMAGE && file.kind() != MediaKind.DOCUMENT) {
				continue;
			}
			List<Rendition> pages = file.renditions().stream()
				.filter(r -> r.kind() == Rendition.Kind.PAGE)
				.sorted(java.util.Comparator.comparingInt(Rendition::page))
				.toList();
			if (pages.isEmpty() && file.kind() == MediaKind.IMAGE && file.has(Rendition.of(Rendition.Kind.WORKING))) {
				pages = List.of(Rendition.of(Rendition.Kind.WORKING));
			}
			for (Rendition page : pages) {
				MediaContent content = files.content(file.id(), page);
				scans.add(new PacketContent.Scan(number(messageId, file.id()), Math.max(1, page.page()),
						content.contentType(), read(content), content.sha256()));
			}
		}
		return scans;
	}

	/** The message's videos with subtitles in the packet's language; refused while a copy is missing. */
	private List<PacketContent.Video> videos(UUID referralId, UUID messageId, String language, Instant date) {
		List<PacketContent.Video> videos = new java.util.ArrayList<>();
		for (MediaFile file : readyFiles(messageId)) {
			if (file.kind() != MediaKind.VIDEO) {
				continue;
			}
			if (!file.has(Rendition.subtitled(language))) {
				throw new IllegalTransitionException(NO_SUBTITLED_COPY);
			}
			videos.add(enclosures.enclose(referralId, number(messageId, file.id()), file.id(), language, date));
		}
		return videos;
	}

	private static byte[] read(MediaContent content) {
		try (java.io.InputStream in = java.nio.channels.Channels.newInputStream(content.channel().get())) {
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The language of the translation a packet to this recipient carries: Albanian for Albanian authorities,
	 * English (else Albanian) for the others; a message qualifies with its letter's or its files' translations.
	 */
	private Optional<String> packetLanguage(UUID messageId, String recipientLanguage) {
		List<String> candidates = "sq".equals(recipientLanguage) ? List.of("sq") : List.of("en", "sq");
		return candidates.stream()
			.filter(language -> translations.approved(messageId, language).isPresent()
					|| !translations.approvedFiles(messageId, language).isEmpty())
			.findFirst();
	}

	private static String join(String persian, String latin) {
		if (persian == null || persian.isBlank()) {
			return latin;
		}
		return latin == null || latin.isBlank() ? persian : persian + " / " + latin;
	}

}
