package org.kinlink.referrals.packet;

import java.time.Instant;
import java.util.List;

/**
 * Everything a referral packet shows, as plain values: the packet can be built and tested without the
 * messages and translation modules. The language is the recipient's language of correspondence.
 */
public record PacketContent(String reference, String language, Instant date, String recipientName,
		String recipientAddress, int acknowledgeWithinDays, List<Letter> letters, Notice notice) {

	public PacketContent {
		letters = List.copyOf(letters);
	}

	/** A packet of family messages. */
	public PacketContent(String reference, String language, Instant date, String recipientName,
			String recipientAddress, int acknowledgeWithinDays, List<Letter> letters) {
		this(reference, language, date, recipientName, recipientAddress, acknowledgeWithinDays, letters, null);
	}

	/** A packet whose content is one notification letter (e.g. casework's departure notice), no messages. */
	public static PacketContent ofNotice(String reference, String language, Instant date, String recipientName,
			String recipientAddress, int acknowledgeWithinDays, Notice notice) {
		return new PacketContent(reference, language, date, recipientName, recipientAddress, acknowledgeWithinDays,
				List.of(), java.util.Objects.requireNonNull(notice));
	}

	/** A notification letter in the packet's language: subject and body, filled in by its sender. */
	public record Notice(String subject, String body) {

		/** The letter as one text (subject, blank line, body): what its enclosure digest is taken over. */
		public String text() {
			return subject + "\n\n" + body;
		}

	}

	/**
	 * One family message in the packet: who wrote to whom, the approved translation segment by segment (in the
	 * language named by translationLanguage) and the original in the letter's own language.
	 */
	public record Letter(String messageReference, Instant receivedAt, String senderName, String relationship,
			String addresseeNamePersian, String addresseeNameLatin, String addresseeFatherName,
			Integer addresseeBirthYear, String translationLanguage, List<String> translation, String originalLanguage,
			String original, List<FileText> fileTexts, List<Scan> scans, List<Video> videos) {

		public Letter {
			translation = List.copyOf(translation);
			fileTexts = fileTexts == null ? List.of() : List.copyOf(fileTexts);
			scans = scans == null ? List.of() : List.copyOf(scans);
			videos = videos == null ? List.of() : List.copyOf(videos);
		}

		/** A letter of typed text only. */
		public Letter(String messageReference, Instant receivedAt, String senderName, String relationship,
				String addresseeNamePersian, String addresseeNameLatin, String addresseeFatherName,
				Integer addresseeBirthYear, String translationLanguage, List<String> translation, String originalLanguage,
				String original) {
			this(messageReference, receivedAt, senderName, relationship, addresseeNamePersian, addresseeNameLatin,
					addresseeFatherName, addresseeBirthYear, translationLanguage, translation, originalLanguage, original,
					List.of(), List.of(), List.of());
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

	/**
	 * The approved translation of one file of a message (numbered from 1 in the message): where each segment is
	 * (a cue's time, "m:ss-m:ss", or a page number; empty for neither), the translation and the transcript.
	 */
	public record FileText(int fileNumber, String kind, List<String> places, List<String> translation,
			List<String> original) {

		public FileText {
			places = List.copyOf(places);
			translation = List.copyOf(translation);
			original = List.copyOf(original);
		}

		public String translationText() {
			return String.join("\n", translation);
		}

	}

	/** One page of a scan or photo of a letter, appended to the packet as an image, with the digest of its bytes. */
	public record Scan(int fileNumber, int page, String contentType, byte[] bytes, String sha256) {

		/** The image as a data: URI for the PDF layout (nothing is fetched from anywhere). */
		public String dataUri() {
			return "data:" + contentType + ";base64," + java.util.Base64.getEncoder().encodeToString(bytes);
		}

	}

	/**
	 * A video with subtitles burned in, in the packet's language: attached to the e-mail, or (when too large) a
	 * download link for the recipient that expires; the digest is of the MP4's bytes either way.
	 */
	public record Video(int fileNumber, String language, long size, String sha256, String link, Instant linkExpiresAt) {

		public boolean attached() {
			return link == null;
		}

	}

}
