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
	 * Persons whose names best match the text (a name or full name in either script, or both), ranked by the
	 * name scorer, best first, at most {@code 50}; the same as {@link #rank} without father's name or year.
	 * Text without letters finds nobody. Every person shown is audited as read.
	 */
	List<Person> search(String text);

	/**
	 * The persons whose names best match the query, ranked by the cross-script name scorer, best first, at most
	 * {@code limit} (capped at 50), with their score and its reasons. Partial names are found (a family name
	 * alone), with a low score; candidates at or above {@link #matchThreshold()} are likely the same person. A
	 * query without letters finds nobody. The search and every person shown are audited.
	 */
	List<MatchCandidate> rank(NameQuery query, int limit);

	/**
	 * The persons already known whom the scorer rates at or above the match threshold against a person about to
	 * be created: shown to staff before they create a likely duplicate. At most ten, best first, audited.
	 */
	List<MatchCandidate> likelyDuplicates(PersonDetails details);

	/** The score from which two descriptions are likely the same person ({@code kinlink.people.match-threshold}). */
	double matchThreshold();

}
