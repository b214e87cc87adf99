package org.kinlink.referrals.workflow;

/**
 * Where a referral stands: DRAFT -> APPROVED -> DISPATCHED -> ACKNOWLEDGED, or OVERDUE when the authority has
 * not acknowledged by the deadline (an acknowledgement is still accepted then).
 */
public enum ReferralState {
	DRAFT, APPROVED, DISPATCHED, ACKNOWLEDGED, OVERDUE
}
