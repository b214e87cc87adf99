package org.kinlink.cases.home;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Open follow-ups due by a day, read straight from cases.follow_up (the follow-up pages are another part of
 * the module): only the case, its reference and the due day, nothing sealed is opened here.
 */
@Repository
public class FollowUpsDue {

	private final JdbcClient jdbc;

	FollowUpsDue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A follow-up due: which case and when. */
	public record Due(UUID caseId, String reference, LocalDate dueOn) {
	}

	List<Due> dueFor(String username, String team, boolean supervisor, LocalDate until) {
		return jdbc.sql("""
				select f.case_id, c.reference, f.due_on from cases.follow_up f join cases.case_file c on c.id = f.case_id
				where f.done_at is null and f.due_on <= :until and c.state = 'OPEN'
				  and (c.caseworker = :user or (:supervisor and :team <> '' and c.team = :team))
				order by f.due_on, c.reference limit 200
				""")
			.param("until", until)
			.param("user", username)
			.param("supervisor", supervisor)
			.param("team", team == null ? "" : team)
			.query((rs, n) -> new Due(rs.getObject("case_id", UUID.class), rs.getString("reference"),
					rs.getObject("due_on", LocalDate.class)))
			.list();
	}

}
