package org.kinlink.referrals;

import java.util.List;
import java.util.UUID;

/**
 * Referrals that carry a notification letter instead of family messages: casework sends the departure
 * notifications this way, so they get the same packet, second-person approval (S14), dispatch, digest and
 * acknowledgement tracking as every referral. Their progress comes back through {@link ReferralDispatched} and
 * {@link ReferralAcknowledged}.
 */
public interface NotificationReferrals {

	/** Active authorities, by kind and name. */
	List<AuthorityContact> activeAuthorities();

	/**
	 * A DRAFT referral to the active authority whose packet is the letter (sealed; it names the person), created
	 * by {@code createdBy}, in the caller's transaction.
	 */
	UUID draft(UUID authorityId, NotificationLetter letter, String createdBy);

	/** An authority as casework sees it: organisation, kind (e.g. POLICE, UN_BODY) and the language it reads. */
	record AuthorityContact(UUID id, String name, String kind, String language) {
	}

	/** A notification letter in the authority's language: its subject and its body, already filled in. */
	record NotificationLetter(String language, String subject, String body) {
	}

}
