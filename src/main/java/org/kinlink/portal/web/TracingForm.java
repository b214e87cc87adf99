package org.kinlink.portal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.kinlink.shared.text.SafeText;
import org.kinlink.tracing.ValidSought;

/**
 * The portal's tracing form: who is sought and who asks. Texts arrive normalised (TextBinding); the one-time
 * form key makes a second submission of the same form harmless.
 */
@ValidSought
record TracingForm(@NotBlank(message = "{portal.letter.formKey.invalid}") @Pattern(regexp = FormKeys.PATTERN,
		message = "{portal.letter.formKey.invalid}") String formKey,
		@SafeText(max = 100) String soughtNamePersian,
		@SafeText(max = 100) String soughtNameLatin,
		@SafeText(max = 100) String soughtFatherName,
		@SafeText(max = 10) String soughtBirthYear,
		@SafeText(max = 100) String soughtBirthPlace,
		@SafeText(max = 1000, multiline = true) String soughtOtherDetails,
		@NotBlank(message = "{tracing.requester.name.required}") @SafeText(max = 100) String requesterName,
		@NotBlank(message = "{tracing.requester.relationship.required}") @SafeText(max = 60) String requesterRelationship,
		@NotBlank @Pattern(regexp = Languages.PATTERN, message = "{tracing.language.invalid}") String language)
		implements TracingFields {

	TracingForm {
		soughtNamePersian = LetterFields.clean(soughtNamePersian);
		soughtNameLatin = LetterFields.clean(soughtNameLatin);
		soughtFatherName = LetterFields.clean(soughtFatherName);
		soughtBirthYear = LetterFields.clean(soughtBirthYear);
		soughtBirthPlace = LetterFields.clean(soughtBirthPlace);
		soughtOtherDetails = LetterFields.clean(soughtOtherDetails);
		requesterName = LetterFields.clean(requesterName);
		requesterRelationship = LetterFields.clean(requesterRelationship);
	}

	static TracingForm empty(String formKey) {
		return new TracingForm(formKey, null, null, null, null, null, null, null, null, Languages.DEFAULT);
	}

	@Override
	public String birthYearText() {
		return soughtBirthYear;
	}

}
