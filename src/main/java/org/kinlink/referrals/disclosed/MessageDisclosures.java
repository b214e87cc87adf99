package org.kinlink.referrals.disclosed;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kinlink.retention.DisclosureRecords;
import org.kinlink.retention.RetentionCategory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dispatched referrals that carried a family message: the recipient's name as it was at dispatch (an
 * organisation), the referral reference and the dispatch time. Retention copies them to its follow-up list
 * before it shreds the message.
 */
@Component
class MessageDisclosures implements DisclosureRecords {

	private static final Set<RetentionCategory> MESSAGES = Set.of(RetentionCategory.REJECTED_SUBMISSIONS,
			RetentionCategory.UNANSWERED_REPLIES);

	private final JdbcClient jdbc;

	MessageDisclosures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Disclosure> disclosedAbout(RetentionCategory category, UUID recordId) {
		if (!MESSAGES.contains(category)) {
			return List.of();
		}
		return jdbc.sql("""
				select r.recipient_name, r.reference, r.dispatched_at from referrals.referral r
				join referrals.referral_message m on m.referral_id = r.id
				where m.message_id = ? and r.dispatched_at is not null order by r.dispatched_at
				""")
			.param(recordId)
			.query((rs, n) -> new Disclosure(rs.getString("recipient_name"), rs.getString("reference"),
					rs.getTimestamp("dispatched_at").toInstant()))
			.list();
	}

}
