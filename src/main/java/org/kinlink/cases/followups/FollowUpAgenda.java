package org.kinlink.cases.followups;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.kinlink.cases.file.CaseReader;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups for a caseworker's home page: the open ones of the cases the reader sees (own and team's open
 * cases) that are overdue or due within the next seven days, soonest first. No sealed text, so nothing here
 * needs an audit entry; the case page opens the purpose.
 */
@Component
public class FollowUpAgenda {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	FollowUpAgenda(JdbcClient jdbc, Clock clock, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
	}

	/** Overdue follow-ups and those due in the coming week, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<Item> thisWeek(CaseReader reader, int limit) {
		if (!reader.caseworker() && !reader.supervisor()) {
			return List.of();
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		return jdbc.sql("""
				select f.id, f.case_id, c.reference, f.due_on from cases.follow_up f
				join cases.case_file c on c.id = f.case_id
				where f.done_at is null and c.state = 'OPEN' and f.due_on <= :until
				  and (c.caseworker = :user or (:team <> '' and c.team = :team))
				order by f.due_on, f.created_at limit :limit
				""")
			.param("until", java.sql.Date.valueOf(today.plusDays(7)))
			.param("user", reader.username())
			.param("team", reader.team() == null ? "" : reader.team())
			.param("limit", limit)
			.query((rs, n) -> {
				LocalDate due = rs.getDate("due_on").toLocalDate();
				return new Item(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
						rs.getString("reference"), due, due.isBefore(today));
			})
			.list();
	}

	/** One follow-up on the agenda; {@code overdue} when its due date has passed. */
	public record Item(UUID followUpId, UUID caseId, String caseReference, LocalDate dueOn, boolean overdue) {
	}

}
