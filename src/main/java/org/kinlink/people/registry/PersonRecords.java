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

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Person rows opened from their seals; callers audit what they show. */
@Repository
class PersonRecords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Vault vault;

	private final JdbcTemplate cursor;

	private final TransactionTemplate readOnly;

	PersonRecords(JdbcClient jdbc, Vault vault, JdbcTemplate template, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.cursor = new JdbcTemplate(template.getDataSource());
		this.cursor.setFetchSize(1_000);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Opens the persons written at or after the instant, oldest first, one at a time (a cursor of a thousand rows,
	 * so a million persons never sit in memory at once).
	 */
	void forEachCreatedSince(Instant since, java.util.function.Consumer<Person> action) {
		readOnly.executeWithoutResult(status -> cursor.query(
				"select * from people.person where created_at >= ? order by created_at, id",
				rs -> {
					action.accept(open(rs, 0));
				}, java.sql.Timestamp.from(since)));
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
