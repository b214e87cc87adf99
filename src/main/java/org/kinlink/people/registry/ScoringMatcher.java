package org.kinlink.people.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.people.MatchCandidate;
import org.kinlink.people.NameQuery;
import org.kinlink.people.Person;
import org.kinlink.people.PersonMatcher;
import org.kinlink.people.names.PersonScorer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes persons for a description with the cross-script {@link PersonScorer} (names in Persian and Latin
 * letters, father's name, year of birth) at {@code kinlink.people.match-threshold}, through the in-memory
 * {@link NameIndex}. The index is filled from the sealed rows on first use and, before every search, takes in
 * the persons any node added since (so several nodes agree). Every person proposed is audited as read.
 */
@Service
class ScoringMatcher implements PersonMatcher {

	private final PersonRecords records;

	private final AuditTrail audit;

	private final double threshold;

	private final NameIndex index = new NameIndex();

	private Instant loadedUpTo = Instant.EPOCH;

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
		catchUp();
		List<MatchCandidate> found = index.top(query, limit, threshold)
			.stream()
			.map(hit -> records.load(hit.id()).map(person -> new MatchCandidate(person, hit.score().value(),
					hit.score().reasons().stream().map(r -> new MatchCandidate.Reason(r.key(), r.arguments())).toList())))
			.flatMap(Optional::stream)
			.toList();
		found.forEach(c -> audit.record(AuditEvent.success("person.read", "person", c.person().id()).withDetail("match")));
		return found;
	}

	/** Adds the persons created since the last look (the same instant again: ids already in are skipped). */
	private synchronized void catchUp() {
		for (Person person : records.createdSince(loadedUpTo)) {
			index.add(person.id(), person.details());
			if (person.createdAt().isAfter(loadedUpTo)) {
				loadedUpTo = person.createdAt();
			}
		}
	}

}
