package org.kinlink.people.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.ibm.icu.text.Transliterator;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.people.MatchCandidate;
import org.kinlink.people.NameQuery;
import org.kinlink.people.Person;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.PersonMatcher;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A first matcher, kept simple on purpose: names of both sides brought to Latin letters with ICU's Any-Latin,
 * compared with Jaro-Winkler, then weighed with the father's name and the year of birth. Issue #5 replaces
 * it with a scorer that knows Persian romanisations; the interface stays.
 */
@Service
class BaselineMatcher implements PersonMatcher {

	static final double THRESHOLD = 0.75;

	private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

	private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

	private final PersonRecords records;

	private final AuditTrail audit;

	BaselineMatcher(PersonRecords records, AuditTrail audit) {
		this.records = records;
		this.audit = audit;
	}

	@Override
	@Transactional
	public List<MatchCandidate> candidates(NameQuery query, int limit) {
		if (query == null || !query.hasName() || limit <= 0) {
			return List.of();
		}
		List<MatchCandidate> found = records.all()
			.stream()
			.map(person -> score(query, person))
			.filter(candidate -> candidate.score() >= THRESHOLD)
			.sorted(Comparator.comparingDouble(MatchCandidate::score).reversed())
			.limit(limit)
			.toList();
		found.forEach(c -> audit.record(AuditEvent.success("person.read", "person", c.person().id()).withDetail("match")));
		return found;
	}

	static MatchCandidate score(NameQuery query, Person person) {
		PersonDetails d = person.details();
		double name = Math.max(Math.max(similarity(query.namePersian(), d.namePersian()), similarity(query.nameLatin(), d.nameLatin())),
				Math.max(similarity(query.namePersian(), d.nameLatin()), similarity(query.nameLatin(), d.namePersian())));
		List<MatchCandidate.Reason> reasons = new ArrayList<>();
		reasons.add(new MatchCandidate.Reason("people.match.name", List.of(Math.round(name * 100))));
		double score = name;
		if (query.fatherName() != null && d.fatherName() != null) {
			double father = similarity(query.fatherName(), d.fatherName());
			reasons.add(new MatchCandidate.Reason("people.match.father", List.of(Math.round(father * 100))));
			score = 0.8 * score + 0.2 * father;
		}
		if (query.birthYear() != null && d.birthYear() != null) {
			int gap = Math.abs(query.birthYear() - d.birthYear());
			reasons.add(new MatchCandidate.Reason("people.match.birthYear", List.of(gap)));
			score = score * (gap == 0 ? 1.0 : gap <= 2 ? 0.95 : 0.8);
		}
		return new MatchCandidate(person, Math.min(1.0, score), List.copyOf(reasons));
	}

	static double similarity(String a, String b) {
		if (a == null || b == null || a.isBlank() || b.isBlank()) {
			return 0;
		}
		return JARO_WINKLER.apply(latin(a), latin(b));
	}

	private static String latin(String name) {
		return TO_LATIN.transliterate(NameKey.of(name));
	}

}
