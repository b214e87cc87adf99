package org.kinlink.people;

import java.util.List;
import java.util.UUID;

/**
 * The people module's API: persons with their names in Persian and Latin letters, sealed under each
 * person's own key. Every read is audited.
 */
public interface People {

	/** Creates a person; at least one name is needed. Returns the new id. */
	UUID create(PersonDetails details);

	/** The person, opened for staff; {@code RecordNotFoundException} if unknown. */
	Person find(UUID id);

	/**
	 * Persons whose names (Persian, Latin or father's name) contain the normalised text, best matches first,
	 * at most {@code 50}. Text shorter than two letters finds nobody.
	 */
	List<Person> search(String text);

}
