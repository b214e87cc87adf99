package org.kinlink.portal.web;

import org.kinlink.shared.text.PersianText;
import org.kinlink.tracing.TracingSubmission;

/** What the tracing form and its JSON request have in common, for the rules that span several fields. */
interface TracingFields {

	String soughtNamePersian();

	String soughtNameLatin();

	String soughtFatherName();

	String soughtBirthPlace();

	String soughtOtherDetails();

	String requesterName();

	String requesterRelationship();

	String language();

	/** The year of birth as typed (any digits), or null. */
	String birthYearText();

	/** The year of birth, or null when none was given or it is not a number of four digits. */
	default Integer birthYear() {
		String typed = PersianText.latinDigits(birthYearText());
		return typed != null && typed.strip().matches("\\d{4}") ? Integer.valueOf(typed.strip()) : null;
	}

	default TracingSubmission toSubmission() {
		return new TracingSubmission(soughtNamePersian(), soughtNameLatin(), soughtFatherName(), birthYear(),
				soughtBirthPlace(), soughtOtherDetails(), requesterName(), requesterRelationship(), language());
	}

}
