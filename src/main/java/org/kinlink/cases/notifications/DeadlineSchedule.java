package org.kinlink.cases.notifications;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline check every few minutes ({@code kinlink.cases.deadlines.enabled}, on by default; tests
 * switch it off and call {@link DeadlineEscalation#escalate} with their own time).
 */
@Component
@ConditionalOnProperty(name = "kinlink.cases.deadlines.enabled", havingValue = "true", matchIfMissing = true)
class DeadlineSchedule {

	private final DeadlineEscalation escalation;

	private final Clock clock;

	DeadlineSchedule(DeadlineEscalation escalation, Clock clock) {
		this.escalation = escalation;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${kinlink.cases.deadlines.initial-delay:PT1M}",
			fixedDelayString = "${kinlink.cases.deadlines.interval:PT5M}")
	void run() {
		escalation.escalate(clock.instant());
	}

}
