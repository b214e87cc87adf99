package org.kinlink.people.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.people.People;
import org.kinlink.people.Person;
import org.kinlink.people.PersonDetails;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons sealed one by one under their own keys. Search opens every person's names in memory and matches
 * a normalised substring: right for the few thousand persons an association knows; real matching comes
 * with the tracing module.
 */
@Service
class JdbcPeople implements People {

	static final int MAX_RESULTS = 50;

	private final JdbcClient jdbc;

	private final Vault vault;

	private final PersonRecords records;

	private final AuditTrail audit;

	private final Clock clock;

	JdbcPeople(JdbcClient jdbc, Vault vault, PersonRecords records, AuditTrail audit, Clock clock) {
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
		String query = NameKey.of(text);
		if (query.codePointCount(0, query.length()) < 2) {
			return List.of();
		}
		List<Person> found = records.all()
			.stream()
			.filter(p -> score(p, query) > 0)
			.sorted(Comparator.comparingInt((Person p) -> -score(p, query)).thenComparing(Person::createdAt))
			.limit(MAX_RESULTS)
			.toList();
		audit.record(AuditEvent.success("person.search", "person", "*").withDetail("matches " + found.size()));
		// The trail must say who saw whom: each person shown is a read of that person's record.
		found.forEach(person -> audit.record(AuditEvent.success("person.read", "person", person.id()).withDetail("search")));
		return found;
	}

	/** 3 for an exact name, 2 for a name that starts with the text, 1 for one that contains it, else 0. */
	static int score(Person person, String query) {
		PersonDetails d = person.details();
		int best = 0;
		for (String name : new String[] { d.namePersian(), d.nameLatin(), d.fatherName() }) {
			String key = NameKey.of(name);
			int score = key.equals(query) ? 3 : key.startsWith(query) ? 2 : key.contains(query) ? 1 : 0;
			best = Math.max(best, score);
		}
		return best;
	}

}
