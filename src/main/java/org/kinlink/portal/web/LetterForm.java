package org.kinlink.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.kinlink.shared.text.SafeText;

/**
 * The portal's letter form, modelled on a Red Cross Message. Texts arrive normalised (TextBinding); the
 * one-time form key makes a second submission of the same form harmless. The letter may be typed, or carried
 * by files (uploaded before with tus, or sent with the form), or both.
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
		@SafeText(max = 20_000, multiline = true) @jakarta.validation.constraints.Pattern(regexp = "(?s).*[\\p{L}\\p{N}].*", message = "{portal.letter.text.noWords}") String text,
		@NotBlank @Pattern(regexp = Languages.PATTERN, message = "{portal.letter.language.invalid}") String language,
		List<String> uploadIds)
		implements LetterFields {

	static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

	LetterForm {
		uploadIds = uploadIds == null ? List.of()
				: uploadIds.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).toList();
	}

	static LetterForm empty(String formKey) {
		return new LetterForm(formKey, null, null, null, null, null, null, null, null, null, Languages.DEFAULT, List.of());
	}

	/**
	 * The form as a multipart request sent it: its text fields (normalised here, as TextBinding does for
	 * plain forms) and the uploads stored from its file fields, after those it named already.
	 */
	static LetterForm of(Map<String, List<String>> fields, List<UUID> storedFiles) {
		List<String> uploads = new ArrayList<>(fields.getOrDefault("uploadIds", List.of()));
		storedFiles.forEach(id -> uploads.add(id.toString()));
		return new LetterForm(raw(fields, "formKey"), text(fields, "senderNamePersian"), text(fields, "senderNameLatin"),
				text(fields, "relationship"), text(fields, "addresseeNamePersian"), text(fields, "addresseeNameLatin"),
				text(fields, "addresseeFatherName"), text(fields, "addresseeBirthYear"), text(fields, "addresseeDetails"),
				text(fields, "text"), text(fields, "language"), uploads);
	}

	private static String raw(Map<String, List<String>> fields, String name) {
		List<String> values = fields.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	private static String text(Map<String, List<String>> fields, String name) {
		return LetterFields.clean(raw(fields, name));
	}

	@Override
	public List<UUID> uploads() {
		return uploadIds.stream().filter(id -> id.matches(UUID_PATTERN)).map(UUID::fromString).distinct().toList();
	}

	@Override
	public boolean badUploadIds() {
		return uploadIds.stream().anyMatch(id -> !id.matches(UUID_PATTERN))
				|| new LinkedHashSet<>(uploadIds).size() != uploadIds.size();
	}

	@Override
	public String birthYearText() {
		return addresseeBirthYear;
	}

}
