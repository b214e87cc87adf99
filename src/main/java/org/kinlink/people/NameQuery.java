package org.kinlink.people;

import java.util.ArrayList;
import java.util.List;

import org.kinlink.people.names.NameForms;

/**
 * Who is sought: a name in Persian and/or Latin letters, the father's name and the year of birth when known
 * (any field may be null; at least one name is needed to find anybody).
 */
public record NameQuery(String namePersian, String nameLatin, String fatherName, Integer birthYear) {

	public boolean hasName() {
		return namePersian != null && !namePersian.isBlank() || nameLatin != null && !nameLatin.isBlank();
	}

	/** Whether a name has letters to find anybody by (a name of punctuation or digits only has none). */
	public boolean hasLetters() {
		return !NameForms.tokens(namePersian).isEmpty() || !NameForms.tokens(nameLatin).isEmpty();
	}

	/**
	 * A query from what staff typed in one box: the parts in Persian letters as the Persian name, those in Latin
	 * letters as the Latin name (full names allowed, in either script or both); digits and punctuation ignored.
	 */
	public static NameQuery fromText(String text, String fatherName, Integer birthYear) {
		List<String> persian = new ArrayList<>();
		List<String> latin = new ArrayList<>();
		for (String token : NameForms.tokens(text)) {
			(NameForms.script(token) == NameForms.Script.PERSIAN ? persian : latin).add(token);
		}
		return new NameQuery(persian.isEmpty() ? null : String.join(" ", persian), latin.isEmpty() ? null : String.join(" ", latin),
				fatherName == null || fatherName.isBlank() ? null : fatherName.strip(), birthYear);
	}

}
