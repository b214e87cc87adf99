package org.kinlink.messages.letters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.kinlink.messages.LetterSubmission;
import org.kinlink.people.NameQuery;
import org.kinlink.people.PersonDetails;
import org.kinlink.shared.text.SafeText;

/** The forms of the message page: find a person, create one, reject, write to the family. */
final class StaffForms {

	static final int OLDEST_BIRTH_YEAR = 1900;

	private StaffForms() {
	}

	/** A name (or full name, in either script) to search the people register for, with the father's name and year if known. */
	record SearchForm(@NotBlank @SafeText(max = 100) String q, @SafeText(max = 100) String father,
			@Min(value = OLDEST_BIRTH_YEAR, message = "{people.birthYear.range}") @Max(value = 2100,
					message = "{people.birthYear.range}") Integer year) {

		NameQuery query() {
			return NameQuery.fromText(q, father, year);
		}

	}

	/** A new person, prefilled from the letter's addressee and checked by intake. */
	record PersonForm(@SafeText(max = 100) String namePersian, @SafeText(max = 100) String nameLatin,
			@SafeText(max = 100) String fatherName,
			@Min(value = OLDEST_BIRTH_YEAR, message = "{people.birthYear.range}") @Max(value = 2100,
					message = "{people.birthYear.range}") Integer birthYear,
			@SafeText(max = 1000, multiline = true) String otherDetails) {

		static PersonForm from(LetterSubmission letter) {
			return new PersonForm(letter.addresseeNamePersian(), letter.addresseeNameLatin(), letter.addresseeFatherName(),
					letter.addresseeBirthYear(), letter.addresseeDetails());
		}

		PersonDetails details() {
			return new PersonDetails(namePersian, nameLatin, fatherName, birthYear, otherDetails);
		}

	}

	/** Why intake will not take the message further; sealed with the message. */
	record RejectForm(@NotBlank @SafeText(max = 1000, multiline = true) String reason) {
	}

	/** A reply from staff to the family, shown on the family's status page. */
	record ReplyForm(@NotBlank @SafeText(max = 5000, multiline = true) String text) {
	}

}
