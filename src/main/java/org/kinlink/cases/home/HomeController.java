package org.kinlink.cases.home;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.kinlink.cases.file.CaseAccess;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.cases.notifications.Notifications;
import org.kinlink.cases.tasks.CaseTasks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The caseworker's home: tasks due this week (overdue first), notifications past their deadline, follow-ups due
 * this week; of one's own cases, and for supervisors of every case of their team.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR')")
class HomeController {

	static final String VIEW = "cases/home";

	private final CaseAccess access;

	private final CaseTasks tasks;

	private final Notifications notifications;

	private final FollowUpsDue followUps;

	private final Clock clock;

	private final ZoneId zone;

	HomeController(CaseAccess access, CaseTasks tasks, Notifications notifications, FollowUpsDue followUps, Clock clock,
			@Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
		this.access = access;
		this.tasks = tasks;
		this.notifications = notifications;
		this.followUps = followUps;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/staff/cases/home")
	String showHome(Authentication authentication, Model model) {
		CaseReader reader = access.reader(authentication);
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate weekEnd = today.plusDays(7);
		model.addAttribute("today", today);
		model.addAttribute("now", clock.instant());
		model.addAttribute("tasks", tasks.dueFor(reader.username(), reader.team(), reader.supervisor(), weekEnd));
		model.addAttribute("notifications", notifications.overdueFor(reader.username(), reader.team(), reader.supervisor(),
				clock.instant()));
		model.addAttribute("followUps", followUps.dueFor(reader.username(), reader.team(), reader.supervisor(), weekEnd));
		return VIEW;
	}

}
