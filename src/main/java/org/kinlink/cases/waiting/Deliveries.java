package org.kinlink.cases.waiting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of cases.message_delivery: one per letter handed to the person, with the legal basis it rested on. */
@Repository
class Deliveries {

	private static final String COLUMNS = "select message_id, case_id, legal_basis_id, delivered_at, delivered_by from cases.message_delivery";

	private final JdbcClient jdbc;

	Deliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the delivery unless the letter was delivered before; false when it was. */
	boolean insert(Delivery delivery) {
		return jdbc.sql("""
				insert into cases.message_delivery (message_id, case_id, legal_basis_id, delivered_at, delivered_by)
				values (?, ?, ?, ?, ?) on conflict (message_id) do nothing
				""")
			.params(delivery.messageId(), delivery.caseId(), delivery.legalBasisId(), Timestamp.from(delivery.deliveredAt()),
					delivery.deliveredBy())
			.update() == 1;
	}

	Optional<Delivery> find(UUID messageId) {
		return jdbc.sql(COLUMNS + " where message_id = ?").param(messageId).query(Deliveries::row).optional();
	}

	/** The person's delivered letters (through any of their cases), by message id. */
	Map<UUID, Delivery> forPerson(UUID personId) {
		return jdbc.sql(COLUMNS + " where case_id in (select id from cases.case_file where person_id = ?)")
			.param(personId)
			.query(Deliveries::row)
			.list()
			.stream()
			.collect(Collectors.toMap(Delivery::messageId, Function.identity()));
	}

	private static Delivery row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Delivery(rs.getObject("message_id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("legal_basis_id", UUID.class), rs.getTimestamp("delivered_at").toInstant(),
				rs.getString("delivered_by"));
	}

	/** A letter handed to the person. */
	record Delivery(UUID messageId, UUID caseId, UUID legalBasisId, Instant deliveredAt, String deliveredBy) {
	}

}
