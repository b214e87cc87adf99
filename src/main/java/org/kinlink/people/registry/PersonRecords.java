package org.kinlink.people.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.people.Person;
import org.kinlink.people.PersonDetails;
import org.kinlink.storage.Vault;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Person rows opened from their seals; callers audit what they show. */
@Repository
class PersonRecords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Vault vault;

	PersonRecords(JdbcClient jdbc, Vault vault) {
		this.jdbc = jdbc;
		this.vault = vault;
	}

	Optional<Person> load(UUID id) {
		return jdbc.sql("select * from people.person where id = ?").param(id).query(this::open).optional();
	}

	/** Every person, opened: fine for the thousands an association knows (issue #5 brings an index). */
	List<Person> all() {
		return jdbc.sql("select * from people.person").query(this::open).list();
	}

	/** Persons written at or after the instant, oldest first. */
	List<Person> createdSince(Instant since) {
		return jdbc.sql("select * from people.person where created_at >= ? order by created_at")
			.param(java.sql.Timestamp.from(since))
			.query(this::open)
			.list();
	}

	byte[] seal(UUID keyId, UUID id, PersonDetails details) {
		return vault.sealText(keyId, JSON.writeValueAsString(details), context(id));
	}

	private Person open(ResultSet rs, int rowNum) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String json = vault.openText(rs.getObject("key_id", UUID.class), rs.getBytes("details"), context(id));
		Instant createdAt = rs.getTimestamp("created_at").toInstant();
		return new Person(id, JSON.readValue(json, PersonDetails.class), createdAt);
	}

	private static String context(UUID id) {
		return "people.person:" + id;
	}

}
