package org.kinlink.tracing.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.shared.web.IllegalTransitionException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores tracing requests; an update names the version it read and fails if someone changed it meanwhile. */
@Repository
class TracingRequests {

	static final int LIST_LIMIT = 200;

	private static final String COLUMNS = "id, key_id, state, source, language, details, person_id, received_at, received_on,"
			+ " answered_on, answered_by, note, created_by, version";

	private final JdbcClient jdbc;

	TracingRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(TracingRequest r) {
		jdbc.sql("insert into tracing.request (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(r.id(), r.keyId(), r.state().name(), r.source().name(), r.language(), r.details(), r.personId(),
					Timestamp.from(r.receivedAt()), r.receivedOn(), r.answeredOn(), r.answeredBy(), r.note(), r.createdBy(),
					r.version())
			.update();
	}

	Optional<TracingRequest> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from tracing.request where id = ?").param(id).query(TracingRequests::row).optional();
	}

	/** The request, locked until the transaction ends. */
	Optional<TracingRequest> lock(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from tracing.request where id = ? for update")
			.param(id)
			.query(TracingRequests::row)
			.optional();
	}

	void update(TracingRequest r) {
		int changed = jdbc.sql("""
				update tracing.request set state = ?, person_id = ?, answered_on = ?, answered_by = ?, note = ?,
				version = version + 1 where id = ? and version = ?""")
			.params(r.state().name(), r.personId(), r.answeredOn(), r.answeredBy(), r.note(), r.id(), r.version())
			.update();
		if (changed != 1) {
			throw new IllegalTransitionException("tracing.error.changedMeanwhile");
		}
	}

	/** Newest first, at most {@link #LIST_LIMIT}; every state when {@code state} is null. */
	List<Row> list(TracingState state) {
		String where = state == null ? "" : " where state = :state";
		var spec = jdbc.sql("select id, state, source, language, received_at, answered_on from tracing.request" + where
				+ " order by received_at desc, id limit " + LIST_LIMIT);
		if (state != null) {
			spec = spec.param("state", state.name());
		}
		return spec.query((rs, n) -> new Row(rs.getObject("id", UUID.class), TracingState.valueOf(rs.getString("state")),
				TracingSource.valueOf(rs.getString("source")), rs.getString("language"),
				rs.getTimestamp("received_at").toInstant(), rs.getObject("answered_on", LocalDate.class)))
			.list();
	}

	/** One line of the staff list: no personal data. */
	record Row(UUID id, TracingState state, TracingSource source, String language, java.time.Instant receivedAt,
			LocalDate answeredOn) {
	}

	private static TracingRequest row(ResultSet rs, int n) throws SQLException {
		return new TracingRequest(rs.getObject("id", UUID.class), rs.getObject("key_id", UUID.class),
				TracingState.valueOf(rs.getString("state")), TracingSource.valueOf(rs.getString("source")),
				rs.getString("language"), rs.getBytes("details"), rs.getObject("person_id", UUID.class),
				rs.getTimestamp("received_at").toInstant(), rs.getObject("received_on", LocalDate.class),
				rs.getObject("answered_on", LocalDate.class), rs.getString("answered_by"), rs.getBytes("note"),
				rs.getString("created_by"), rs.getInt("version"));
	}

}
