package org.kinlink.referrals.workflow;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks referrals overdue when the authority has not acknowledged by dispatch date plus its deadline. Runs
 * on every node; rows are claimed with FOR UPDATE SKIP LOCKED, so nodes never mark the same one twice.
 */
@Component
class OverdueCheck {

	private final ReferralService service;

	private final Clock clock;

	OverdueCheck(ReferralService service, Clock clock) {
		this.service = service;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${kinlink.referrals.overdue-check.initial-delay:PT1M}",
			fixedDelayString = "${kinlink.referrals.overdue-check.interval:PT15M}")
	void run() {
		service.markOverdue(clock.instant());
	}

}
