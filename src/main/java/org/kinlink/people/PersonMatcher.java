package org.kinlink.people;

import java.util.List;

/**
 * Finds the persons who may be the one described, best first, each with a score and the reasons for it. It
 * drives triage search, duplicate detection and the tracing matcher; the translation-workbench issue (#5)
 * replaces its scorer with one that knows Persian and Latin spellings of the same name. Every person returned
 * is audited as read.
 */
public interface PersonMatcher {

	/** At most {@code limit} candidates scoring at least the matcher's threshold, best first. */
	List<MatchCandidate> candidates(NameQuery query, int limit);

}
