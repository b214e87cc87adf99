package org.kinlink.cases.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tasks of the cases: the first-tasks checklist opened with a case, marking done, and who has what due. */
@Repository
public class CaseTasks {

	/** The first-tasks checklist and how many days after the departure is recorded each is due. */
	static final Map<String, Integer> CHECKLIST = checklist();

	private static final String SELECT = """
			select t.id, t.case_id, t.kind, t.due_on, t.done_at, t.done_by, c.reference
			from cases.task t join cases.case_file c on c.id = t.case_id""";

	private final JdbcClient jdbc;

	CaseTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Map<String, Integer> checklist() {
		Map<String, Integer> days = new LinkedHashMap<>();
		days.put("SAFE_HOUSING", 1);
		days.put("MEDICAL_CHECK", 3);
		days.put("LEGAL_ADVICE", 7);
		days.put("DOCUMENTS", 14);
		return days;
	}

	/** Opens the checklist for a new case, due counted from {@code today}. */
	public void openChecklist(UUID caseId, LocalDate today, Instant now) {
		CHECKLIST.forEach((kind, days) -> jdbc.sql("""
				insert into cases.task (id, case_id, kind, due_on, created_at) values (?, ?, ?, ?, ?)
				""").params(UUID.randomUUID(), caseId, kind, today.plusDays(days), Timestamp.from(now)).update());
	}

	/** The case's tasks: open ones first, by due day. */
	public List<CaseTask> forCase(UUID caseId) {
		return jdbc.sql(SELECT + " where t.case_id = ? order by t.done_at nulls first, t.due_on, t.kind")
			.param(caseId)
			.query(CaseTasks::row)
			.list();
	}

	/** Marks an open task of the case done; false when there is no such open task. */
	public boolean markDone(UUID caseId, UUID taskId, String by, Instant at) {
		return jdbc.sql("update cases.task set done_at = ?, done_by = ? where id = ? and case_id = ? and done_at is null")
			.params(Timestamp.from(at), by, taskId, caseId)
			.update() == 1;
	}

	/**
	 * Open tasks due by {@code until} of open cases: the user's own cases, and for supervisors every case of
	 * their team; overdue ones first.
	 */
	public List<CaseTask> dueFor(String username, String team, boolean supervisor, LocalDate until) {
		return jdbc.sql(SELECT + """
				 where t.done_at is null and t.due_on <= :until and c.state = 'OPEN'
				  and (c.caseworker = :user or (:supervisor and :team <> '' and c.team = :team))
				order by t.due_on, c.reference limit 200
				""")
			.param("until", until)
			.param("user", username)
			.param("supervisor", supervisor)
			.param("team", team == null ? "" : team)
			.query(CaseTasks::row)
			.list();
	}

	static CaseTask row(ResultSet rs, int n) throws SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		return new CaseTask(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("kind"),
				rs.getObject("due_on", LocalDate.class), done == null ? null : done.toInstant(), rs.getString("done_by"),
				rs.getString("reference"));
	}

}
