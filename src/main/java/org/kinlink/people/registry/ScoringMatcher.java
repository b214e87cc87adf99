package org.kinlink.people.registry;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.people.MatchCandidate;
import org.kinlink.people.NameQuery;
import org.kinlink.people.Person;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.PersonMatcher;
import org.kinlink.people.names.PersonScorer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes persons for a description with the cross-script {@link PersonScorer}: names in Persian and Latin
 * letters, father's name and year of birth, at {@code kinlink.people.match-threshold}. Every person proposed is
 * audited as read.
 */
@Service
class ScoringMatcher implements PersonMatcher {

	private final PersonRecords records;

	private final AuditTrail audit;

	private final double threshold;

	ScoringMatcher(PersonRecords records, AuditTrail audit,
			@Value("${kinlink.people.match-threshold:" + PersonScorer.DEFAULT_THRESHOLD + "}") double threshold) {
		this.records = records;
		this.audit = audit;
		this.threshold = threshold;
	}

	@Override
	@Transactional
	public List<MatchCandidate> candidates(NameQuery query, int limit) {
		if (query == null || !query.hasName() || limit <= 0) {
			return List.of();
		}
		PersonScorer.Description sought = new PersonScorer.Description(names(query.namePersian(), query.nameLatin()),
				query.fatherName(), query.birthYear());
		List<MatchCandidate> found = records.all()
			.stream()
			.map(person -> candidate(sought, person))
			.filter(candidate -> candidate.score() >= threshold)
			.sorted(Comparator.comparingDouble(MatchCandidate::score).reversed())
			.limit(limit)
			.toList();
		found.forEach(c -> audit.record(AuditEvent.success("person.read", "person", c.person().id()).withDetail("match")));
		return found;
	}

	private static MatchCandidate candidate(PersonScorer.Description sought, Person person) {
		PersonDetails d = person.details();
		PersonScorer.Score score = PersonScorer.score(sought,
				new PersonScorer.Description(names(d.namePersian(), d.nameLatin()), d.fatherName(), d.birthYear()));
		return new MatchCandidate(person, score.value(),
				score.reasons().stream().map(r -> new MatchCandidate.Reason(r.key(), r.arguments())).toList());
	}

	private static List<String> names(String... names) {
		return Arrays.stream(names).filter(n -> n != null && !n.isBlank()).toList();
	}

}
