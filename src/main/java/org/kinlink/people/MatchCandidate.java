package org.kinlink.people;

import java.util.List;

/**
 * A person who may be the one sought: the score from 0 to 1 and the reasons, as message keys with their
 * arguments (e.g. {@code people.match.name} with the similarity in percent), so the explanation is shown in
 * the reader's language.
 */
public record MatchCandidate(Person person, double score, List<Reason> reasons) {

	/** The score in whole percent, as pages show it. */
	public long percent() {
		return Math.round(score * 100);
	}

	/** One part of the score: a message key and its arguments. */
	public record Reason(String key, List<Object> arguments) {

		/** The arguments as an array, for {@code #messages.msgWithParams(key, args)} in templates. */
		public Object[] args() {
			return arguments.toArray();
		}

	}

}
