package org.kinlink.people;

/**
 * What identifies a person: names in Persian and Latin letters, the father's name, the year of birth and
 * anything else that tells them apart (texts already normalised and validated by the caller).
 */
public record PersonDetails(String namePersian, String nameLatin, String fatherName, Integer birthYear,
		String otherDetails) {

	/** Whether there is a name to find the person by. */
	public boolean hasName() {
		return namePersian != null && !namePersian.isBlank() || nameLatin != null && !nameLatin.isBlank();
	}

}
