package org.kinlink.referrals;

import java.util.UUID;

/** The authority acknowledged a referral. Carries ids only. */
public record ReferralAcknowledged(UUID referralId) {
}
