package org.kinlink.referrals.workflow;

import org.kinlink.referrals.ReferralDispatched;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends a dispatched packet by e-mail once the dispatch has committed (S19). The event publication registry
 * keeps the event until this listener succeeds, so a mail server that is down or a crash only delays the mail:
 * it is retried by {@link PendingMailRetry} and on restart, and {@link ReferralService#sendPendingMail} skips
 * a mail already sent.
 */
@Component
class PacketMailing {

	private final ReferralService service;

	PacketMailing(ReferralService service) {
		this.service = service;
	}

	@ApplicationModuleListener
	void on(ReferralDispatched event) {
		try {
			service.sendPendingMail(event.referralId());
		}
		catch (DispatchFailedException ex) {
			service.recordMailFailure(event.referralId());
			// Rethrown so that the publication stays incomplete and is retried.
			throw ex;
		}
	}

}
