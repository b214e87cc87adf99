package org.kinlink.referrals.workflow;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new referral: one authority from the directory and one or more messages with an approved translation. */
record ReferralForm(@NotNull UUID authorityId,
		@NotEmpty(message = "{referrals.referral.messages.empty}") @Size(max = 50) List<UUID> messageIds) {

	static ReferralForm empty() {
		return new ReferralForm(null, List.of());
	}

}
