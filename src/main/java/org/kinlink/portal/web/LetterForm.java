package org.kinlink.portal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.kinlink.shared.text.SafeText;

/**
 * The portal's letter form, modelled on a Red Cross Message. Texts arrive normalised (TextBinding); the
 * one-time form key makes a second submission of the same form harmless.
 */
@ValidLetter
record LetterForm(@NotBlank(message = "{portal.letter.formKey.invalid}") @Pattern(regexp = FormKeys.PATTERN,
		message = "{portal.letter.formKey.invalid}") String formKey,
		@SafeText(max = 100) String senderNamePersian,
		@SafeText(max = 100) String senderNameLatin,
		@NotBlank @SafeText(max = 60) String relationship,
		@SafeText(max = 100) String addresseeNamePersian,
		@SafeText(max = 100) String addresseeNameLatin,
		@SafeText(max = 100) String addresseeFatherName,
		@SafeText(max = 10) String addresseeBirthYear,
		@SafeText(max = 1000, multiline = true) String addresseeDetails,
		@NotBlank @SafeText(max = 20_000, multiline = true) @jakarta.validation.constraints.Pattern(regexp = "(?s).*[\\p{L}\\p{N}].*", message = "{portal.letter.text.noWords}") String text,
		@NotBlank @Pattern(regexp = Languages.PATTERN, message = "{portal.letter.language.invalid}") String language)
		implements LetterFields {

	static LetterForm empty(String formKey) {
		return new LetterForm(formKey, null, null, null, null, null, null, null, null, null, Languages.DEFAULT);
	}

	@Override
	public String birthYearText() {
		return addresseeBirthYear;
	}

}
