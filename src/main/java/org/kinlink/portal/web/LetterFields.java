package org.kinlink.portal.web;

import java.util.List;
import java.util.UUID;

import org.kinlink.messages.LetterSubmission;
import org.kinlink.shared.text.PersianText;

/** What the letter form and the JSON request have in common, for the rules that span several fields. */
interface LetterFields {

	int OLDEST_BIRTH_YEAR = 1900;

	String senderNamePersian();

	String senderNameLatin();

	String relationship();

	String addresseeNamePersian();

	String addresseeNameLatin();

	String addresseeFatherName();

	String addresseeDetails();

	String text();

	String language();

	/** The uploads (finished, unclaimed) that the letter carries, in order; unreadable ids are left out. */
	List<UUID> uploads();

	/** True when an upload id was sent that is not a well-formed id, or one was named twice. */
	default boolean badUploadIds() {
		return false;
	}

	/** The year of birth as typed (any digits), or null. */
	String birthYearText();

	/** The year of birth, or null when none was given or it is not a number of four digits. */
	default Integer birthYear() {
		String typed = PersianText.latinDigits(birthYearText());
		return typed != null && typed.strip().matches("\\d{4}") ? Integer.valueOf(typed.strip()) : null;
	}

	default LetterSubmission toSubmission() {
		return new LetterSubmission(senderNamePersian(), senderNameLatin(), relationship(), addresseeNamePersian(),
				addresseeNameLatin(), addresseeFatherName(), birthYear(), addresseeDetails(), text() == null ? "" : text(),
				language(), uploads().size());
	}

	/** Text as the portal stores it: normalised, and null when nothing is left. */
	static String clean(String text) {
		String normalised = PersianText.normalize(text);
		return normalised == null || normalised.isEmpty() ? null : normalised;
	}

}
