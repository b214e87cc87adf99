package org.kinlink.audit.trail;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditEvent;

/** Maps a row of audit.entry. */
final class AuditRows {

	private AuditRows() {
	}

	static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("sequence"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				rs.getString("origin"), rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"),
				AuditEvent.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"), rs.getString("hash"));
	}

}
