package org.kinlink.people.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores whether two descriptions are the same person: the full names (in either script, parts aligned by
 * {@link NameSimilarity}), then the father's names and the years of birth where both sides know them. A
 * father's name that does not match, or years of birth far apart, lower the score; missing ones change nothing.
 * Every score comes with its reasons.
 */
public final class PersonScorer {

	/** The threshold above which two names are called a match, unless configured otherwise. */
	public static final double DEFAULT_THRESHOLD = 0.80;

	private PersonScorer() {
	}

	/** Who is described: a full name in one or both scripts, the father's name and the year of birth (each may be null). */
	public record Description(List<String> names, String fatherName, Integer birthYear) {
	}

	/** One part of the explanation: a message key and its arguments. */
	public record Reason(String key, List<Object> arguments) {
	}

	/** The score from 0 to 1 and why. */
	public record Score(double value, List<Reason> reasons) {
	}

	public static Score score(Description a, Description b) {
		NameSimilarity.Result best = NameSimilarity.Result.NONE;
		for (String nameA : a.names()) {
			for (String nameB : b.names()) {
				if (nameA == null || nameB == null || nameA.isBlank() || nameB.isBlank()) {
					continue;
				}
				NameSimilarity.Result result = NameSimilarity.compare(nameA, nameB);
				if (result.score() > best.score()) {
					best = result;
				}
			}
		}
		List<Reason> reasons = new ArrayList<>();
		for (NameSimilarity.Part part : best.parts()) {
			reasons.add(part.a().isEmpty() || part.b().isEmpty()
					? new Reason("people.match.partMissing", List.of(part.a().isEmpty() ? part.b() : part.a()))
					: new Reason("people.match.part", List.of(part.a(), part.b(), percent(part.similarity()))));
		}
		double value = best.score();
		if (a.fatherName() != null && b.fatherName() != null && !a.fatherName().isBlank() && !b.fatherName().isBlank()) {
			double father = NameSimilarity.compare(a.fatherName(), b.fatherName()).score();
			reasons.add(new Reason("people.match.father", List.of(percent(father))));
			value *= fatherFactor(father);
		}
		if (a.birthYear() != null && b.birthYear() != null) {
			long gap = Math.abs((long) a.birthYear() - b.birthYear()); // absurd years must not overflow
			reasons.add(new Reason("people.match.birthYear", List.of((int) Math.min(gap, Integer.MAX_VALUE))));
			value *= yearFactor(gap);
		}
		return new Score(value, List.copyOf(reasons));
	}

	/** How a father's name this alike (both known) weighs on the score: 1, or 0.85 when it does not match. */
	public static double fatherFactor(double fatherSimilarity) {
		return fatherSimilarity >= DEFAULT_THRESHOLD ? 1.0 : 0.85;
	}

	/** How years of birth this many years apart (both known) weigh on the score. */
	public static double yearFactor(long gap) {
		return gap == 0 ? 1.0 : gap <= 2 ? 0.97 : gap <= 5 ? 0.9 : 0.75;
	}

	private static long percent(double similarity) {
		return Math.round(similarity * 100);
	}

}
