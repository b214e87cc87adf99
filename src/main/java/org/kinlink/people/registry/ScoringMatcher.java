package org.kinlink.people.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.people.MatchCandidate;
import org.kinlink.people.NameQuery;
import org.kinlink.people.PersonMatcher;
import org.kinlink.people.names.PersonScorer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes persons for a description with the cross-script {@link PersonScorer} (names in Persian and Latin
 * letters, father's name, year of birth) at {@code kinlink.people.match-threshold}, through the in-memory
 * {@link NameIndex} of {@link PersonIndex}. Every person proposed is audited as read.
 */
@Service
class ScoringMatcher implements PersonMatcher {

	private final PersonRecords records;

	private final PersonIndex index;

	private final AuditTrail audit;

	private final double threshold;

	ScoringMatcher(PersonRecords records, PersonIndex index, AuditTrail audit,
			@Value("${kinlink.people.match-threshold:" + PersonScorer.DEFAULT_THRESHOLD + "}") double threshold) {
		this.records = records;
		this.index = index;
		this.audit = audit;
		this.threshold = threshold;
	}

	double threshold() {
		return threshold;
	}

	@Override
	@Transactional
	public List<MatchCandidate> candidates(NameQuery query, int limit) {
		return ranked(query, limit, threshold, null, "match");
	}

	/**
	 * The best {@code limit} persons scoring at least {@code floor}, but {@code except}, opened and each audited as
	 * read with the detail given.
	 */
	@Transactional
	List<MatchCandidate> ranked(NameQuery query, int limit, double floor, UUID except, String detail) {
		if (query == null || !query.hasName() || limit <= 0) {
			return List.of();
		}
		List<MatchCandidate> found = index.current()
			.top(query, limit, floor, except)
			.stream()
			.map(hit -> records.load(hit.id()).map(person -> new MatchCandidate(person, hit.score().value(), reasons(hit.score()))))
			.flatMap(Optional::stream)
			.toList();
		found.forEach(c -> audit.record(AuditEvent.success("person.read", "person", c.person().id()).withDetail(detail)));
		return found;
	}

	static List<MatchCandidate.Reason> reasons(PersonScorer.Score score) {
		return score.reasons().stream().map(r -> new MatchCandidate.Reason(r.key(), r.arguments())).toList();
	}

}
