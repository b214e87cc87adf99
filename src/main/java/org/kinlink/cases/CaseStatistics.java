package org.kinlink.cases;

import java.util.List;

/**
 * Anonymous figures for the association's reports: counts and durations only, never a name, a reference or
 * an id. Counts below {@link #MIN_COUNT} are reported as that threshold's bucket by the reporting module.
 */
public interface CaseStatistics {

	/** Counts under this are small enough to point at a person; reports show them as "fewer than 5". */
	int MIN_COUNT = 5;

	/** People supported, per service type and status (a person with two services of a type counts once). */
	List<ServiceFigure> services();

	/** People per kind of work now (current records), with the median and mean monthly income in euros. */
	List<EmploymentFigure> employment();

	/** Departures per calendar year of leaving. */
	List<YearFigure> departuresPerYear();

	/** Notification delays from recording the departure to dispatch, per year and kind of authority. */
	List<NotificationDelayFigure> notificationDelays();

	/** Cases open and closed, and closures per reason. */
	List<ClosureFigure> closures();

	record ServiceFigure(String type, String status, long people) {
	}

	record EmploymentFigure(String kind, long people, Integer medianIncomeEur, Integer meanIncomeEur) {
	}

	record YearFigure(int year, long count) {
	}

	/** Dispatched notifications: how many, how many after their deadline, median and longest delay in hours; and those not dispatched yet. */
	record NotificationDelayFigure(int year, String authorityKind, long dispatched, long late, double medianHours,
			double maxHours, long pending) {
	}

	/** reason is null for cases still open. */
	record ClosureFigure(String reason, long cases) {
	}

}
