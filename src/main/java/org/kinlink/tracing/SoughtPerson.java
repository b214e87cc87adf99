package org.kinlink.tracing;

import org.kinlink.shared.text.PersianText;

/**
 * Who a tracing request seeks, as any form for one (the portal's, its JSON body, the staff entry) carries it:
 * checked by {@link ValidSought}.
 */
public interface SoughtPerson {

	String soughtNamePersian();

	String soughtNameLatin();

	/** The year of birth as typed (any digits), or null. */
	String birthYearText();

	/** The year of birth, or null when none was given or it is not a number of four digits. */
	default Integer birthYear() {
		String typed = PersianText.latinDigits(birthYearText());
		return typed != null && typed.strip().matches("\\d{4}") ? Integer.valueOf(typed.strip()) : null;
	}

}
