package org.kinlink.retention.rules;

import org.kinlink.retention.Retention;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention pass every hour ({@code kinlink.retention.schedule.enabled}, on by default; tests switch it
 * off and call {@link Retention#enforceNow()} after moving their clock).
 */
@Component
@ConditionalOnProperty(name = "kinlink.retention.schedule.enabled", havingValue = "true", matchIfMissing = true)
class RetentionSchedule {

	private final Retention retention;

	RetentionSchedule(Retention retention) {
		this.retention = retention;
	}

	@Scheduled(initialDelayString = "${kinlink.retention.schedule.initial-delay:PT5M}",
			fixedDelayString = "${kinlink.retention.schedule.interval:PT1H}")
	void run() {
		retention.enforceNow();
	}

}
