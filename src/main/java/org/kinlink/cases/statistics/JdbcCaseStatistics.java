package org.kinlink.cases.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.kinlink.cases.CaseStatistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The anonymous figures, counted in SQL over the clear columns of the cases schema. No query selects a name, a
 * reference or an id, and nothing sealed is opened: only types, states, dates and incomes leave, aggregated.
 * Hiding small counts is the reporting module's job (one rule, applied to pages and exports alike).
 */
@Service
@Transactional(readOnly = true)
class JdbcCaseStatistics implements CaseStatistics {

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcCaseStatistics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<ServiceFigure> services() {
		return jdbc.sql("""
				select s.type, s.status, count(distinct c.person_id) as people
				from cases.service s join cases.case_file c on c.id = s.case_id
				group by s.type, s.status
				order by s.type, s.status""")
			.query((rs, n) -> new ServiceFigure(rs.getString("type"), rs.getString("status"), rs.getLong("people")))
			.list();
	}

	/**
	 * A record is current when it has not ended by today. A person with two current records of one kind counts
	 * once, with the sum of their incomes of that kind; people without a stated income are counted but left out
	 * of the median and mean.
	 */
	@Override
	public List<EmploymentFigure> employment() {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("""
				with current_work as (
				    select e.kind, c.person_id, sum(e.monthly_income_eur) as income
				    from cases.employment e join cases.case_file c on c.id = e.case_id
				    where e.started_on <= ? and (e.ended_on is null or e.ended_on > ?)
				    group by e.kind, c.person_id)
				select kind, count(*) as people,
				       round(percentile_cont(0.5) within group (order by income))::int as median_income,
				       round(avg(income))::int as mean_income
				from current_work
				group by kind
				order by kind""")
			.params(today, today)
			.query((rs, n) -> new EmploymentFigure(rs.getString("kind"), rs.getLong("people"),
					integer(rs, "median_income"), integer(rs, "mean_income")))
			.list();
	}

	@Override
	public List<YearFigure> departuresPerYear() {
		return jdbc.sql("""
				select extract(year from departed_on)::int as year, count(*) as departures
				from cases.departure
				group by 1
				order by 1""")
			.query((rs, n) -> new YearFigure(rs.getInt("year"), rs.getLong("departures")))
			.list();
	}

	/**
	 * Per year of the departure and kind of authority. Delays run from the notification's creation (when the
	 * departure was recorded) to its dispatch, in hours to one decimal; cancelled notifications count nowhere.
	 * Median and longest delay are 0 when nothing was dispatched.
	 */
	@Override
	public List<NotificationDelayFigure> notificationDelays() {
		return jdbc.sql("""
				with delay as (
				    select extract(year from d.departed_on)::int as year, n.authority_kind, n.dispatched_at, n.due_at,
				           extract(epoch from (n.dispatched_at - n.created_at)) / 3600.0 as hours
				    from cases.notification n join cases.departure d on d.case_id = n.case_id
				    where n.state <> 'CANCELLED')
				select year, authority_kind,
				       count(dispatched_at) as dispatched,
				       count(*) filter (where dispatched_at > due_at) as late,
				       coalesce(round(cast(percentile_cont(0.5) within group (order by hours) as numeric), 1), 0) as median_hours,
				       coalesce(round(cast(max(hours) as numeric), 1), 0) as max_hours,
				       count(*) filter (where dispatched_at is null) as pending
				from delay
				group by year, authority_kind
				order by year, authority_kind""")
			.query((rs, n) -> new NotificationDelayFigure(rs.getInt("year"), rs.getString("authority_kind"),
					rs.getLong("dispatched"), rs.getLong("late"), rs.getDouble("median_hours"), rs.getDouble("max_hours"),
					rs.getLong("pending")))
			.list();
	}

	/** Open cases first (reason null), then closed ones per reason; a reopened case counts as open. */
	@Override
	public List<ClosureFigure> closures() {
		return jdbc.sql("""
				select case when state = 'CLOSED' then coalesce(closure_reason, 'OTHER') end as reason, count(*) as cases
				from cases.case_file
				group by 1
				order by 1 nulls first""")
			.query((rs, n) -> new ClosureFigure(rs.getString("reason"), rs.getLong("cases")))
			.list();
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
