package org.kinlink.referrals;

import java.util.UUID;

/** A referral's packet left the association (by e-mail or by hand). Carries ids only. */
public record ReferralDispatched(UUID referralId) {
}
