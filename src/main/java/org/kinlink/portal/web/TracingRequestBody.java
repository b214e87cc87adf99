package org.kinlink.portal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.kinlink.shared.text.SafeText;
import org.kinlink.tracing.ValidSought;

/** A tracing request sent through the JSON API; the same fields and rules as the portal's form. */
@ValidSought
@Schema(description = "A family asks the association to look for a relative")
record TracingRequestBody(
		@Schema(description = "Sought person's name in Persian letters") @SafeText(max = 100) String soughtNamePersian,
		@Schema(description = "Sought person's name in Latin letters") @SafeText(max = 100) String soughtNameLatin,
		@Schema(description = "Sought person's father's name") @SafeText(max = 100) String soughtFatherName,
		@Schema(description = "Sought person's year of birth (Gregorian)", example = "1990") Integer soughtBirthYear,
		@Schema(description = "Sought person's place of birth") @SafeText(max = 100) String soughtBirthPlace,
		@Schema(description = "Anything else that identifies the sought person") @SafeText(max = 1000, multiline = true) String soughtOtherDetails,
		@Schema(description = "Name of the person who asks") @NotBlank(message = "{tracing.requester.name.required}") @SafeText(max = 100) String requesterName,
		@Schema(description = "How the person who asks is related to the sought person") @NotBlank(message = "{tracing.requester.relationship.required}") @SafeText(max = 60) String requesterRelationship,
		@Schema(description = "The language the family reads", allowableValues = { "fa", "prs", "en", "sq", "other" }) @NotBlank @Pattern(
				regexp = Languages.PATTERN, message = "{tracing.language.invalid}") String language)
		implements TracingFields {

	TracingRequestBody {
		soughtNamePersian = LetterFields.clean(soughtNamePersian);
		soughtNameLatin = LetterFields.clean(soughtNameLatin);
		soughtFatherName = LetterFields.clean(soughtFatherName);
		soughtBirthPlace = LetterFields.clean(soughtBirthPlace);
		soughtOtherDetails = LetterFields.clean(soughtOtherDetails);
		requesterName = LetterFields.clean(requesterName);
		requesterRelationship = LetterFields.clean(requesterRelationship);
		language = LetterFields.clean(language);
	}

	@Override
	public String birthYearText() {
		return soughtBirthYear == null ? null : String.valueOf(soughtBirthYear);
	}

}
