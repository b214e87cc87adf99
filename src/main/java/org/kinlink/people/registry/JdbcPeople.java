package org.kinlink.people.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.people.MatchCandidate;
import org.kinlink.people.NameQuery;
import org.kinlink.people.People;
import org.kinlink.people.Person;
import org.kinlink.people.PersonDetails;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons sealed one by one under their own keys. Search ranks them with the name scorer through the in-memory
 * name index ({@link ScoringMatcher}, {@link NameIndex}); only the persons shown are opened from their seals.
 */
@Service
class JdbcPeople implements People {

	static final int MAX_RESULTS = 50;

	/**
	 * The lowest score a search shows: a family name alone against a full name scores about 0.49 (a missing part
	 * counts 0.4), so it is found, below the match threshold; names alike in nothing are not.
	 */
	static final double SEARCH_FLOOR = 0.45;

	static final int DUPLICATES_SHOWN = 10;

	private final JdbcClient jdbc;

	private final Vault vault;

	private final PersonRecords records;

	private final AuditTrail audit;

	private final Clock clock;

	private final ScoringMatcher matcher;

	JdbcPeople(JdbcClient jdbc, Vault vault, PersonRecords records, AuditTrail audit, Clock clock, ScoringMatcher matcher) {
		this.matcher = matcher;
		this.jdbc = jdbc;
		this.vault = vault;
		this.records = records;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public UUID create(PersonDetails details) {
		if (details == null || !details.hasName()) {
			throw new IllegalArgumentException("a person needs a name");
		}
		UUID id = UUID.randomUUID();
		UUID keyId = vault.newKey();
		byte[] sealed = records.seal(keyId, id, details);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("insert into people.person (id, key_id, details, created_at) values (?, ?, ?, ?)")
			.params(id, keyId, sealed, Timestamp.from(now))
			.update();
		audit.record(AuditEvent.success("person.create", "person", id));
		return id;
	}

	@Override
	@Transactional
	public Person find(UUID id) {
		Person person = (id == null ? Optional.<Person>empty() : records.load(id)).orElseThrow(RecordNotFoundException::new);
		audit.record(AuditEvent.success("person.read", "person", id));
		return person;
	}

	@Override
	@Transactional
	public List<Person> search(String text) {
		return rank(NameQuery.fromText(text, null, null), MAX_RESULTS).stream().map(MatchCandidate::person).toList();
	}

	@Override
	@Transactional
	public List<MatchCandidate> rank(NameQuery query, int limit) {
		if (query == null || !query.hasLetters() || limit <= 0) {
			return List.of();
		}
		List<MatchCandidate> found = matcher.ranked(query, Math.min(limit, MAX_RESULTS), SEARCH_FLOOR, null, "search");
		audit.record(AuditEvent.success("person.search", "person", "*").withDetail("matches " + found.size()));
		return found;
	}

	@Override
	@Transactional
	public List<MatchCandidate> likelyDuplicates(PersonDetails details) {
		if (details == null || !details.hasName()) {
			return List.of();
		}
		NameQuery query = new NameQuery(details.namePersian(), details.nameLatin(), details.fatherName(), details.birthYear());
		List<MatchCandidate> found = matcher.ranked(query, DUPLICATES_SHOWN, matcher.threshold(), null, "duplicate-check");
		audit.record(AuditEvent.success("person.duplicate-check", "person", "*").withDetail("matches " + found.size()));
		return found;
	}

	@Override
	public double matchThreshold() {
		return matcher.threshold();
	}

}
