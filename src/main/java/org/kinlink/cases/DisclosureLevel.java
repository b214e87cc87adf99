package org.kinlink.cases;

/**
 * What a person who left allows Kinlink to disclose about them, each level including the ones before it:
 * nothing at all; only that they are alive and well; family messages may be given to them; their answers may
 * be relayed back (messages both ways, no contact details); their contact details may be shared with the
 * relatives they named.
 */
public enum DisclosureLevel {

	NOTHING, ALIVE_AND_WELL, RECEIVE_MESSAGES, RELAY_MESSAGES, SHARE_CONTACT;

	/** Whether this level allows what {@code needed} discloses. */
	public boolean allows(DisclosureLevel needed) {
		return needed == NOTHING || this != NOTHING && compareTo(needed) >= 0;
	}

}
