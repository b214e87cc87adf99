package org.kinlink.portal.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.kinlink.shared.text.SafeText;

/** A letter sent through the JSON API; the same fields and rules as the portal's form. */
@ValidLetter
@Schema(description = "A letter to a relative, modelled on a Red Cross Message")
record LetterRequest(@Schema(description = "Sender's name in Persian letters") @SafeText(max = 100) String senderNamePersian,
		@Schema(description = "Sender's name in Latin letters") @SafeText(max = 100) String senderNameLatin,
		@Schema(description = "How the sender is related to the addressee") @NotBlank @SafeText(max = 60) String relationship,
		@Schema(description = "Addressee's name in Persian letters") @SafeText(max = 100) String addresseeNamePersian,
		@Schema(description = "Addressee's name in Latin letters") @SafeText(max = 100) String addresseeNameLatin,
		@Schema(description = "Addressee's father's name") @SafeText(max = 100) String addresseeFatherName,
		@Schema(description = "Addressee's year of birth (Gregorian)", example = "1990") Integer addresseeBirthYear,
		@Schema(description = "Anything else that identifies the addressee") @SafeText(max = 1000, multiline = true) String addresseeDetails,
		@Schema(description = "The letter, up to 20,000 characters; may be left out when uploadIds names files") @SafeText(max = 20_000, multiline = true) @jakarta.validation.constraints.Pattern(regexp = "(?s).*[\\p{L}\\p{N}].*", message = "{portal.letter.text.noWords}") String text,
		@Schema(description = "Language of the letter", allowableValues = { "fa", "prs", "en", "sq", "other" }) @NotBlank @Pattern(
				regexp = Languages.PATTERN, message = "{portal.letter.language.invalid}") String language,
		@ArraySchema(schema = @Schema(description = "Id of a finished upload: the last segment of the Location that POST /api/v1/portal/uploads (tus 1.0) answered"), maxItems = 10,
				arraySchema = @Schema(description = "Files that carry the letter (scans, photos, voice, video), uploaded before with tus. Each must be finished and not used by another letter, or the answer is 409 and nothing is stored."))
		List<UUID> uploadIds)
		implements LetterFields {

	LetterRequest {
		senderNamePersian = LetterFields.clean(senderNamePersian);
		senderNameLatin = LetterFields.clean(senderNameLatin);
		relationship = LetterFields.clean(relationship);
		addresseeNamePersian = LetterFields.clean(addresseeNamePersian);
		addresseeNameLatin = LetterFields.clean(addresseeNameLatin);
		addresseeFatherName = LetterFields.clean(addresseeFatherName);
		addresseeDetails = LetterFields.clean(addresseeDetails);
		text = LetterFields.clean(text);
		language = LetterFields.clean(language);
		uploadIds = uploadIds == null ? List.of() : uploadIds;
	}

	@Override
	public List<UUID> uploads() {
		return uploadIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}

	@Override
	public boolean badUploadIds() {
		return uploadIds.stream().anyMatch(java.util.Objects::isNull) || uploads().size() != uploadIds.size();
	}

	@Override
	public String birthYearText() {
		return addresseeBirthYear == null ? null : String.valueOf(addresseeBirthYear);
	}

}
