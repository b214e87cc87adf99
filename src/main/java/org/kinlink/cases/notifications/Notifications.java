package org.kinlink.cases.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The departure notifications of the cases, for the case page, the home page and the deadline job. */
@Repository
public class Notifications {

	private static final String SELECT = """
			select n.id, n.case_id, n.authority_id, n.authority_kind, n.referral_id, n.state, n.created_at, n.due_at,
			       n.dispatched_at, n.acknowledged_at, n.escalated_at
			from cases.notification n""";

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case's notifications, by deadline. */
	public List<CaseNotification> forCase(UUID caseId) {
		return jdbc.sql(SELECT + " where n.case_id = ? order by n.due_at, n.authority_kind").param(caseId).query(Notifications::row).list();
	}

	/** How many of the case's notifications have not left yet (drafted, not cancelled). */
	public int undispatched(UUID caseId) {
		return jdbc.sql("select count(*) from cases.notification where case_id = ? and state = 'DRAFTED'")
			.param(caseId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Notifications not dispatched by their deadline (or escalated), of the user's own cases and, for
	 * supervisors, of every case of their team; soonest deadline first.
	 */
	public List<CaseNotification> overdueFor(String username, String team, boolean supervisor, Instant now) {
		return jdbc.sql(SELECT + """
				 join cases.case_file c on c.id = n.case_id
				where n.state = 'DRAFTED' and (n.due_at < :now or n.escalated_at is not null)
				  and (c.caseworker = :user or (:supervisor and :team <> '' and c.team = :team))
				order by n.due_at limit 200
				""")
			.param("now", Timestamp.from(now))
			.param("user", username)
			.param("supervisor", supervisor)
			.param("team", team == null ? "" : team)
			.query(Notifications::row)
			.list();
	}

	void insert(CaseNotification n) {
		jdbc.sql("""
				insert into cases.notification (id, case_id, authority_id, authority_kind, referral_id, state, created_at, due_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(n.id(), n.caseId(), n.authorityId(), n.authorityKind(), n.referralId(), n.state().name(),
					Timestamp.from(n.createdAt()), Timestamp.from(n.dueAt()))
			.update();
	}

	Optional<CaseNotification> byReferral(UUID referralId) {
		return jdbc.sql(SELECT + " where n.referral_id = ? for update").param(referralId).query(Notifications::row).optional();
	}

	/** Marks dispatched, unless it already left; true when this call changed it. */
	boolean markDispatched(UUID id, Instant at) {
		return jdbc.sql("update cases.notification set state = 'DISPATCHED', dispatched_at = ? where id = ? and state = 'DRAFTED'")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	/** Marks acknowledged (also when the dispatch event has not been seen yet); true when this call changed it. */
	boolean markAcknowledged(UUID id, Instant dispatchedAt, Instant at) {
		return jdbc.sql("""
				update cases.notification set state = 'ACKNOWLEDGED', acknowledged_at = ?,
				  dispatched_at = coalesce(dispatched_at, ?)
				where id = ? and state in ('DRAFTED', 'DISPATCHED')
				""").params(Timestamp.from(at), Timestamp.from(dispatchedAt), id).update() == 1;
	}

	/** Drafted notifications past their deadline and not yet escalated, locked (other nodes skip them). */
	List<CaseNotification> lockLateUnescalated(Instant now, int limit) {
		return jdbc.sql(SELECT + """
				 where n.state = 'DRAFTED' and n.escalated_at is null and n.due_at < ?
				order by n.due_at limit ? for update skip locked
				""").params(Timestamp.from(now), limit).query(Notifications::row).list();
	}

	void markEscalated(UUID id, Instant at) {
		jdbc.sql("update cases.notification set escalated_at = ? where id = ? and escalated_at is null")
			.params(Timestamp.from(at), id)
			.update();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	static CaseNotification row(ResultSet rs, int n) throws SQLException {
		return new CaseNotification(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("authority_id", UUID.class), rs.getString("authority_kind"),
				rs.getObject("referral_id", UUID.class), CaseNotification.State.valueOf(rs.getString("state")),
				instant(rs, "created_at"), instant(rs, "due_at"), instant(rs, "dispatched_at"),
				instant(rs, "acknowledged_at"), instant(rs, "escalated_at"));
	}

}
