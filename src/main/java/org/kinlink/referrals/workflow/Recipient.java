package org.kinlink.referrals.workflow;

import java.util.Objects;

import org.kinlink.referrals.directory.Authority;
import org.kinlink.referrals.directory.AuthorityKind;

/**
 * The authority as it stood when the draft was made, kept with the referral: the second-person rule (S14),
 * the packet and the e-mail all use this copy, so a later edit of the directory cannot re-route or re-classify
 * a referral that is already under way.
 */
public record Recipient(String name, AuthorityKind kind, String language, String email, String postalAddress,
		int acknowledgementDays) {

	public Recipient {
		Objects.requireNonNull(name);
		Objects.requireNonNull(kind);
		Objects.requireNonNull(language);
		Objects.requireNonNull(email);
		Objects.requireNonNull(postalAddress);
	}

	static Recipient of(Authority authority) {
		return new Recipient(authority.name(), authority.kind(), authority.language(), authority.email(),
				authority.postalAddress(), authority.acknowledgementDays());
	}

	/** Police and UN bodies need a second person's approval. */
	public boolean needsSecondApproval() {
		return kind.needsSecondApproval();
	}

}
