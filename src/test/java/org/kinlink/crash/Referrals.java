package org.kinlink.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the kills did to referrals: the dispatches recorded in the database against the mails the SMTP server
 * received. A referral is dispatched at most once (one dispatch row, one mail identity); every dispatched
 * referral's mail left; no work was left half-done; no message went to the ministry in two referrals. A mail
 * sent again because a kill fell between the mail server's answer and the commit that records it keeps the
 * referral's Message-ID, so the recipient's system sees one message: such resends are counted, not hidden.
 */
record Referrals(Map<String, Integer> states, int dispatchRows, int mailPending, Set<String> expectedIds,
		Map<String, Integer> mailsById, int mailsToOthers, int messagesReferredTwice, Map<String, Integer> staffWork,
		Map<String, Integer> staffWorkUnderKills, int staffRoundsUnanswered) {

	static Referrals check(JdbcClient db, MimeMessage[] received, Caseworkers staff) throws MessagingException {
		Map<String, Integer> states = new TreeMap<>();
		db.sql("select state, count(*) from referrals.referral group by state")
			.query((rs, n) -> states.put(rs.getString(1), rs.getInt(2)))
			.list();
		int dispatchRows = db.sql("select count(*) from referrals.dispatch").query(Integer.class).single();
		int mailPending = db.sql("select count(*) from referrals.dispatch where channel = 'EMAIL' and mail_sent_at is null")
			.query(Integer.class).single();
		Set<String> expected = new HashSet<>(db.sql("select referral_id from referrals.dispatch where channel = 'EMAIL'")
			.query((rs, n) -> "<" + rs.getObject(1, java.util.UUID.class) + "@referrals.kinlink>")
			.list());
		int referredTwice = db.sql("""
				select count(*) from (select message_id from referrals.referral_message group by message_id having count(*) > 1) twice""")
			.query(Integer.class).single();
		Map<String, Integer> byId = new HashMap<>();
		int toOthers = 0;
		for (MimeMessage mail : received) {
			String to = mail.getAllRecipients()[0].toString();
			if (!to.equals(Caseworkers.AUTHORITY_EMAIL)) {
				toOthers++;
				continue;
			}
			byId.merge(mail.getMessageID(), 1, Integer::sum);
		}
		return new Referrals(states, dispatchRows, mailPending, expected, byId, toOthers, referredTwice,
				new TreeMap<>(staff.done), new TreeMap<>(staff.underKills), staff.unanswered);
	}

	String report() {
		int mails = mailsById.values().stream().mapToInt(Integer::intValue).sum();
		return String.format("referrals %s; dispatch rows %d, mail pending %d; mails received %d under %d Message-IDs "
				+ "(resent with the same id after a kill: %d), to other addresses %d; messages in two referrals %d%n"
				+ "staff work done %s, of which while the kills went on %s; staff rounds without an answer %d", states,
				dispatchRows, mailPending, mails, mailsById.size(), mails - mailsById.size(), mailsToOthers,
				messagesReferredTwice, staffWork, staffWorkUnderKills, staffRoundsUnanswered);
	}

	void assertSound() {
		List<String> unexpected = new ArrayList<>(mailsById.keySet());
		unexpected.removeAll(expectedIds);
		assertThat(dispatchRows).as("referrals dispatched during the run").isPositive();
		assertThat(staffWorkUnderKills.getOrDefault("dispatch", 0)).as("dispatches sent while the server was being killed").isPositive();
		assertThat(states.getOrDefault("DISPATCHED", 0) + states.getOrDefault("ACKNOWLEDGED", 0)
				+ states.getOrDefault("OVERDUE", 0)).as("dispatched referrals = dispatch rows (one each)").isEqualTo(dispatchRows);
		assertThat(states.getOrDefault("DRAFT", 0) + states.getOrDefault("APPROVED", 0)).as("referrals left undispatched").isZero();
		assertThat(mailPending).as("dispatches whose mail never left").isZero();
		assertThat(mailsById.keySet()).as("every dispatched referral's mail arrived").containsAll(expectedIds);
		assertThat(unexpected).as("mails that belong to no dispatch").isEmpty();
		assertThat(mailsToOthers).as("mails to other addresses").isZero();
		assertThat(messagesReferredTwice).as("messages sent to the ministry in two referrals").isZero();
	}

}
