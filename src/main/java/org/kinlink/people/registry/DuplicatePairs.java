package org.kinlink.people.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.people.Person;
import org.kinlink.people.names.PersonScorer;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Likely duplicates in the registry: pairs of persons the scorer rates at or above the match threshold, found
 * with the name index (each person against the persons before them, ten best each) and kept in memory, the
 * persons added since the last look scanned on each request. Pairs staff marked "not the same" (who and when,
 * in {@code people.not_same}) are left out. A page opens only the persons it shows, each read audited.
 */
@Service
class DuplicatePairs {

	static final int PAGE_SIZE = 20;

	/** How many candidates each person is compared with (the best of those at or above the threshold). */
	static final int PER_PERSON = 10;

	private final PersonIndex index;

	private final ScoringMatcher matcher;

	private final PersonRecords records;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	/** Pair (lower id, higher id) to score, found so far. */
	private final Map<Pair, Double> found = new LinkedHashMap<>();

	private int scannedSlots;

	DuplicatePairs(PersonIndex index, ScoringMatcher matcher, PersonRecords records, JdbcClient jdbc, AuditTrail audit,
			Clock clock) {
		this.index = index;
		this.matcher = matcher;
		this.records = records;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Two person ids in a fixed order. */
	record Pair(UUID a, UUID b) {

		/**
		 * In PostgreSQL's order of uuids (unsigned, byte by byte), which the table's check uses. UUID.compareTo
		 * compares signed longs and put ids starting with 8-f first: one pair in two could not be marked.
		 */
		static Pair of(UUID one, UUID other) {
			return one.toString().compareTo(other.toString()) < 0 ? new Pair(one, other) : new Pair(other, one);
		}

	}

	/** A likely duplicate as the page shows it: both persons opened, the score and its reasons. */
	record Shown(Person a, Person b, long percent, List<PersonScorer.Reason> reasons) {

		public Object[] args(PersonScorer.Reason reason) {
			return reason.arguments().toArray();
		}

	}

	/** One page of pairs, best first. */
	record Page(List<Shown> pairs, int page, int pages, int total) {
	}

	@Transactional
	Page page(int requested) {
		List<Map.Entry<Pair, Double>> open = open();
		int pages = Math.max(1, (open.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.max(1, Math.min(requested, pages));
		List<Shown> shown = new ArrayList<>();
		for (Map.Entry<Pair, Double> entry : open.subList(Math.min(open.size(), (page - 1) * PAGE_SIZE),
				Math.min(open.size(), page * PAGE_SIZE))) {
			Person a = records.load(entry.getKey().a()).orElse(null);
			Person b = records.load(entry.getKey().b()).orElse(null);
			if (a == null || b == null) {
				continue;
			}
			PersonScorer.Score score = PersonScorer.score(NameIndex.description(a.details()), NameIndex.description(b.details()));
			audit.record(AuditEvent.success("person.read", "person", a.id()).withDetail("duplicates"));
			audit.record(AuditEvent.success("person.read", "person", b.id()).withDetail("duplicates"));
			shown.add(new Shown(a, b, Math.round(score.value() * 100), score.reasons()));
		}
		audit.record(AuditEvent.success("person.duplicates", "person", "*").withDetail("page " + page + " of " + pages));
		return new Page(shown, page, pages, open.size());
	}

	/** Records that two persons are not the same (idempotent); 404 if either is unknown. */
	@Transactional
	void markNotSame(UUID one, UUID other, String by) {
		if (one.equals(other)) {
			throw new SamePersonTwiceException();
		}
		if (records.load(one).isEmpty() || records.load(other).isEmpty()) {
			throw new RecordNotFoundException();
		}
		Pair pair = Pair.of(one, other);
		int added = jdbc.sql("""
				insert into people.not_same (person_a, person_b, marked_by, marked_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(pair.a(), pair.b(), by, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.update();
		if (added > 0) {
			audit.record(AuditEvent.success("person.not-same", "person", pair.a()).withDetail("person " + pair.b()));
		}
	}

	/** The pairs found and not marked, best first (then in the order found). */
	private List<Map.Entry<Pair, Double>> open() {
		Set<Pair> marked = new HashSet<>(jdbc.sql("select person_a, person_b from people.not_same")
			.query((rs, n) -> new Pair(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list());
		List<Map.Entry<Pair, Double>> open = new ArrayList<>();
		synchronized (this) {
			scan();
			found.forEach((pair, score) -> {
				if (!marked.contains(pair)) {
					open.add(Map.entry(pair, score));
				}
			});
		}
		open.sort(Comparator.comparingDouble((Map.Entry<Pair, Double> e) -> -e.getValue()));
		return open;
	}

	/** Looks for the duplicates of the persons added since the last scan. */
	private void scan() {
		NameIndex names = index.current();
		for (NameIndex.Stored stored = names.stored(scannedSlots); stored != null; stored = names.stored(++scannedSlots)) {
			for (NameIndex.Hit hit : names.top(stored.query(), PER_PERSON, matcher.threshold(), stored.id())) {
				found.putIfAbsent(Pair.of(stored.id(), hit.id()), hit.score().value());
			}
		}
	}

}
