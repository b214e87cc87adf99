package org.kinlink.cases.departure;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.kinlink.shared.text.SafeText;

/**
 * The night of the escape: the person (chosen from a search, or new with names in both scripts), the day they
 * left (Jalali or Gregorian), where they left from, how they reached safety and who reported it.
 */
record DepartureForm(UUID personId, @SafeText(max = 200) String namePersian, @SafeText(max = 200) String nameLatin,
		@SafeText(max = 200) String fatherName, @Min(1900) @Max(2100) Integer birthYear, @NotNull LocalDate departedOn,
		@NotBlank @SafeText(max = 300) String departurePlace,
		@NotBlank @SafeText(max = 2000, multiline = true) String reachedSafety,
		@NotBlank @SafeText(max = 300) String reportedBy) {

	static DepartureForm empty() {
		return new DepartureForm(null, null, null, null, null, null, null, null, null);
	}

	boolean newPerson() {
		return personId == null;
	}

	boolean hasNewName() {
		return namePersian != null && !namePersian.isBlank() || nameLatin != null && !nameLatin.isBlank();
	}

}
