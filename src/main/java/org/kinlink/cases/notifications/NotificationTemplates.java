package org.kinlink.cases.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification templates, one per kind of authority; every save checks the version read. */
@Repository
class NotificationTemplates {

	private static final String SELECT = """
			select authority_kind, language, deadline_hours, subject, body, enabled, updated_at, updated_by, version
			from cases.notification_template""";

	private final JdbcClient jdbc;

	NotificationTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<NotificationTemplate> all() {
		return jdbc.sql(SELECT + " order by authority_kind").query(NotificationTemplates::row).list();
	}

	Optional<NotificationTemplate> find(String kind) {
		return jdbc.sql(SELECT + " where authority_kind = ?").param(kind).query(NotificationTemplates::row).optional();
	}

	/** Inserts the kind's first template, or saves it if nobody saved it since {@code version}. */
	void save(String kind, String language, int deadlineHours, String subject, String body, boolean enabled, Instant at,
			String by, Integer version) {
		int changed;
		if (version == null) {
			changed = jdbc.sql("""
					insert into cases.notification_template (authority_kind, language, deadline_hours, subject, body, enabled,
					  updated_at, updated_by)
					values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (authority_kind) do nothing
					""").params(kind, language, deadlineHours, subject, body, enabled, Timestamp.from(at), by).update();
		}
		else {
			changed = jdbc.sql("""
					update cases.notification_template set language = ?, deadline_hours = ?, subject = ?, body = ?,
					  enabled = ?, updated_at = ?, updated_by = ?, version = version + 1
					where authority_kind = ? and version = ?
					""").params(language, deadlineHours, subject, body, enabled, Timestamp.from(at), by, kind, version).update();
		}
		if (changed != 1) {
			throw new OptimisticLockingFailureException("template " + kind + " changed meanwhile");
		}
	}

	private static NotificationTemplate row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new NotificationTemplate(rs.getString("authority_kind"), rs.getString("language"), rs.getInt("deadline_hours"),
				rs.getString("subject"), rs.getString("body"), rs.getBoolean("enabled"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getInt("version"));
	}

}
