package org.kinlink.portal.web;

import org.kinlink.messages.MessageStatus;

/** The simple status a family sees; the inner steps of intake and translation are not theirs to follow. */
enum FamilyStatus {

	RECEIVED, BEING_TRANSLATED, SENT_TO_AUTHORITIES, ACKNOWLEDGED, DELIVERED, CLOSED;

	static FamilyStatus of(MessageStatus status) {
		return switch (status) {
			case RECEIVED, ACCEPTED -> RECEIVED;
			case IN_TRANSLATION, TRANSLATED, APPROVED -> BEING_TRANSLATED;
			case REFERRED -> SENT_TO_AUTHORITIES;
			case ACKNOWLEDGED -> ACKNOWLEDGED;
			case DELIVERED -> DELIVERED;
			case REJECTED -> CLOSED;
		};
	}

	/** The message key of the status text, e.g. portal.status.sentToAuthorities. */
	public String messageKey() {
		return switch (this) {
			case RECEIVED -> "portal.status.received";
			case BEING_TRANSLATED -> "portal.status.beingTranslated";
			case SENT_TO_AUTHORITIES -> "portal.status.sentToAuthorities";
			case ACKNOWLEDGED -> "portal.status.acknowledged";
			case DELIVERED -> "portal.status.delivered";
			case CLOSED -> "portal.status.closed";
		};
	}

	/** The name in the JSON API, e.g. "sent_to_authorities". */
	String apiName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
