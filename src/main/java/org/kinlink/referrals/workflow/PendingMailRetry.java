package org.kinlink.referrals.workflow;

import java.time.Duration;

import org.kinlink.referrals.ReferralDispatched;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits dispatches whose e-mail has not gone yet (the mail server was down), so that they leave once it is
 * back, without waiting for a restart (S20). A resubmitted mail that meanwhile went out is skipped by
 * {@link ReferralService#sendPendingMail}.
 */
@Component
class PendingMailRetry {

	private final IncompleteEventPublications incomplete;

	private final Duration minAge;

	PendingMailRetry(IncompleteEventPublications incomplete,
			@Value("${kinlink.referrals.mail-retry.min-age:PT2M}") Duration minAge) {
		this.incomplete = incomplete;
		this.minAge = minAge;
	}

	@Scheduled(initialDelayString = "${kinlink.referrals.mail-retry.initial-delay:PT2M}",
			fixedDelayString = "${kinlink.referrals.mail-retry.interval:PT5M}")
	void run() {
		retryOlderThan(minAge);
	}

	void retryOlderThan(Duration age) {
		incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
			.withMinAge(age)
			.withFilter(publication -> publication.getEvent() instanceof ReferralDispatched));
	}

}
