package org.kinlink.cases.followups;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds caseworkers of follow-ups due tomorrow or overdue, once each (see {@link FollowUps#remind()}). Off
 * with {@code kinlink.cases.reminders.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "kinlink.cases.reminders", name = "enabled", havingValue = "true", matchIfMissing = true)
class FollowUpReminders {

	private final FollowUps followUps;

	FollowUpReminders(FollowUps followUps) {
		this.followUps = followUps;
	}

	@Scheduled(initialDelayString = "${kinlink.cases.reminders.initial-delay:PT2M}",
			fixedDelayString = "${kinlink.cases.reminders.interval:PT1H}")
	void run() {
		followUps.remind();
	}

}
