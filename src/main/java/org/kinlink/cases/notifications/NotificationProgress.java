package org.kinlink.cases.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.referrals.ReferralAcknowledged;
import org.kinlink.referrals.ReferralDispatched;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notifications follow their referrals: dispatched and acknowledged as the referrals module reports.
 * Idempotent (a repeated event changes nothing) and silent for referrals that are not notifications.
 */
@Component
class NotificationProgress {

	private static final String SYSTEM = "system";

	private final Notifications notifications;

	private final AuditTrail audit;

	private final Clock clock;

	NotificationProgress(Notifications notifications, AuditTrail audit, Clock clock) {
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ReferralDispatched event) {
		notifications.byReferral(event.referralId()).ifPresent(n -> {
			if (notifications.markDispatched(n.id(), now())) {
				audit.recordAs(SYSTEM, AuditEvent.success("case.notification.dispatched", "case", n.caseId())
					.withDetail(n.authorityKind()));
			}
		});
	}

	@ApplicationModuleListener
	void on(ReferralAcknowledged event) {
		notifications.byReferral(event.referralId()).ifPresent(n -> {
			Instant now = now();
			if (notifications.markAcknowledged(n.id(), now, now)) {
				audit.recordAs(SYSTEM, AuditEvent.success("case.notification.acknowledged", "case", n.caseId())
					.withDetail(n.authorityKind()));
			}
		});
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
