package org.kinlink.cases.waiting;

import java.util.List;

import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.waiting.Deliveries.Delivery;
import org.kinlink.messages.MessageStatus;
import org.kinlink.messages.MessageSummary;

/**
 * The family messages linked to the case's person, nothing opened: reference, status, received date and
 * whether (and when) each was delivered; with what the person allows now and whether this reader may act.
 */
record WaitingView(List<Item> items, DisclosureLevel level, boolean restricted) {

	/** One letter and its delivery, if any. */
	record Item(MessageSummary summary, Delivery delivery) {

		public boolean delivered() {
			return delivery != null;
		}

		/** Accepted by intake and not delivered yet. */
		public boolean deliverable() {
			return delivery == null && MessagesWaiting.deliverable(summary.status());
		}

		/** Linked to the person but not accepted by intake (or rejected). */
		public boolean notAccepted() {
			return summary.status() == MessageStatus.RECEIVED || summary.status() == MessageStatus.REJECTED;
		}

	}

}
