package org.kinlink.people;

/**
 * Who is sought: a name in Persian and/or Latin letters, the father's name and the year of birth when known
 * (any field may be null; at least one name is needed to find anybody).
 */
public record NameQuery(String namePersian, String nameLatin, String fatherName, Integer birthYear) {

	public boolean hasName() {
		return namePersian != null && !namePersian.isBlank() || nameLatin != null && !nameLatin.isBlank();
	}

}
