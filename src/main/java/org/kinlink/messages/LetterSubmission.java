package org.kinlink.messages;

/**
 * A letter as the family sent it, modelled on a Red Cross Message: who writes, to whom (names in Persian
 * and Latin letters, father's name, year of birth, other identifying details), the letter and its language
 * (an ISO 639 code such as "fa"), and how many files (scans, photos, voice, video) came with it. A letter with
 * files may have no typed text. Texts arrive normalised and validated by the portal.
 */
public record LetterSubmission(String senderNamePersian, String senderNameLatin, String relationship,
		String addresseeNamePersian, String addresseeNameLatin, String addresseeFatherName, Integer addresseeBirthYear,
		String addresseeDetails, String text, String language, Integer files) {

	/** Letters sealed before files existed have no count: none. */
	public LetterSubmission {
		files = files == null ? 0 : files;
	}

	/** A letter of typed text only. */
	public LetterSubmission(String senderNamePersian, String senderNameLatin, String relationship,
			String addresseeNamePersian, String addresseeNameLatin, String addresseeFatherName,
			Integer addresseeBirthYear, String addresseeDetails, String text, String language) {
		this(senderNamePersian, senderNameLatin, relationship, addresseeNamePersian, addresseeNameLatin,
				addresseeFatherName, addresseeBirthYear, addresseeDetails, text, language, 0);
	}

}
