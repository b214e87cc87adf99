package org.kinlink.cases.notifications;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.NotificationEscalated;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates departure notifications not dispatched by their deadline: each is marked once (escalated_at),
 * audited, and announced with {@link NotificationEscalated} so the team's supervisors are alerted.
 */
@Service
public class DeadlineEscalation {

	private final Notifications notifications;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	DeadlineEscalation(Notifications notifications, AuditTrail audit, ApplicationEventPublisher events) {
		this.notifications = notifications;
		this.audit = audit;
		this.events = events;
	}

	/** Escalates every notification late at {@code now}; returns how many were escalated by this call. */
	@Transactional
	public int escalate(Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		int escalated = 0;
		for (CaseNotification late : notifications.lockLateUnescalated(at, 200)) {
			notifications.markEscalated(late.id(), at);
			audit.recordAs("system", AuditEvent.success("case.notification.escalate", "case", late.caseId())
				.withDetail(late.authorityKind()));
			events.publishEvent(new NotificationEscalated(late.id(), late.caseId()));
			escalated++;
		}
		return escalated;
	}

}
