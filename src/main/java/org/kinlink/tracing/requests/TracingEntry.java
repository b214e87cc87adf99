package org.kinlink.tracing.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.kinlink.shared.text.SafeText;
import org.kinlink.tracing.SoughtPerson;
import org.kinlink.tracing.TracingSubmission;
import org.kinlink.tracing.ValidSought;

/**
 * The staff form for a request they enter for a family: the same fields as the portal's. Texts arrive
 * normalised (TextBinding); the rules across fields are in {@link ValidSought}.
 */
@ValidSought
record TracingEntry(@SafeText(max = 100) String soughtNamePersian, @SafeText(max = 100) String soughtNameLatin,
		@SafeText(max = 100) String soughtFatherName, @SafeText(max = 10) String soughtBirthYear,
		@SafeText(max = 100) String soughtBirthPlace, @SafeText(max = 1000, multiline = true) String soughtOtherDetails,
		@NotBlank @SafeText(max = 100) String requesterName, @NotBlank @SafeText(max = 60) String requesterRelationship,
		@NotBlank @Pattern(regexp = LANGUAGES, message = "{tracing.language.invalid}") String language)
		implements SoughtPerson {

	static final String LANGUAGES = "fa|prs|en|sq|other";

	static final java.util.List<String> LANGUAGE_CODES = java.util.List.of("fa", "prs", "en", "sq", "other");

	static TracingEntry empty() {
		return new TracingEntry(null, null, null, null, null, null, null, null, "fa");
	}

	@Override
	public String birthYearText() {
		return soughtBirthYear;
	}

	TracingSubmission toSubmission() {
		return new TracingSubmission(blankToNull(soughtNamePersian), blankToNull(soughtNameLatin),
				blankToNull(soughtFatherName), birthYear(), blankToNull(soughtBirthPlace), blankToNull(soughtOtherDetails),
				requesterName, requesterRelationship, language);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
