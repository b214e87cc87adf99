package org.kinlink.cases.waiting;

import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.waiting.Deliveries.Delivery;
import org.kinlink.messages.LetterContent;

/** A letter delivered to the person, opened for the caseworker to hand over, with what the person allows now. */
record DeliveredLetter(LetterContent content, Delivery delivery, DisclosureLevel level) {

	public boolean mayRelay() {
		return level.allows(DisclosureLevel.RELAY_MESSAGES);
	}

}
