package org.kinlink.referrals.workflow;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new referral: one authority from the directory and one or more messages with an approved translation.
 * The form key, drawn when the form is shown, makes a second submission of the same form (a double click, a
 * retry after the answer was lost) land on the referral the first one made instead of making another.
 */
record ReferralForm(@NotNull UUID authorityId,
		@NotEmpty(message = "{referrals.referral.messages.empty}") @Size(max = 50) List<UUID> messageIds, UUID formKey) {

	static ReferralForm empty() {
		return new ReferralForm(null, List.of(), UUID.randomUUID());
	}

}
