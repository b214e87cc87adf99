package org.kinlink.referrals;

import java.util.UUID;

/** The authority did not acknowledge a referral by its deadline: someone has to follow it up. */
public record ReferralOverdue(UUID referralId) {
}
