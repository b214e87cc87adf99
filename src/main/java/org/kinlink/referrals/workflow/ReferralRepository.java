package org.kinlink.referrals.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.referrals.directory.AuthorityKind;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores referrals with JdbcClient; the packet itself is stored sealed beside the row. */
@Repository
class ReferralRepository {

	/** A referral row with when its e-mail was taken by the mail server, if it was sent by e-mail. */
	private static final String SELECT = """
			select r.*, (select d.mail_sent_at from referrals.dispatch d where d.referral_id = r.id) as mail_sent_at
			from referrals.referral r""";

	private final JdbcClient jdbc;

	ReferralRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next reference number of the year, e.g. KL-REF-2026-0001; atomic across nodes. */
	String nextReference(Year year) {
		int next = jdbc.sql("""
				insert into referrals.reference_counter (year, last) values (?, 1)
				on conflict (year) do update set last = referrals.reference_counter.last + 1
				returning last
				""").param(year.getValue()).query(Integer.class).single();
		return "KL-REF-%d-%04d".formatted(year.getValue(), next);
	}

	void insert(Referral referral) {
		jdbc.sql("""
				insert into referrals.referral (id, reference, authority_id, state, created_by, created_at, recipient_name,
				  recipient_kind, recipient_language, recipient_email, recipient_address, recipient_ack_days)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(referral.id(), referral.reference(), referral.authorityId(), referral.state().name(),
					referral.createdBy(), ts(referral.createdAt()), referral.recipient().name(),
					referral.recipient().kind().name(), referral.recipient().language(), referral.recipient().email(),
					referral.recipient().postalAddress(), referral.recipient().acknowledgementDays())
			.update();
		int position = 0;
		for (UUID messageId : referral.messageIds()) {
			jdbc.sql("insert into referrals.referral_message (referral_id, message_id, position) values (?, ?, ?)")
				.params(referral.id(), messageId, position++)
				.update();
		}
	}

	/**
	 * Takes the form key of a new-referral form for this user and locks it until the transaction ends: the
	 * referral a first submission of the form made, or empty when this is the first (a concurrent twin waits).
	 */
	Optional<UUID> lockFormKey(UUID formKey, String user) {
		jdbc.sql("insert into referrals.form_key (form_key, created_by) values (?, ?) on conflict do nothing")
			.params(formKey, user)
			.update();
		return jdbc.sql("select referral_id from referrals.form_key where form_key = ? and created_by = ? for update")
			.params(formKey, user)
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
			.single();
	}

	void recordFormKey(UUID formKey, String user, UUID referralId) {
		jdbc.sql("update referrals.form_key set referral_id = ? where form_key = ? and created_by = ? and referral_id is null")
			.params(referralId, formKey, user)
			.update();
	}

	/** Writes the state fields; the version guards against a change made meanwhile by someone else. */
	void update(Referral referral, int expectedVersion) {
		int updated = jdbc.sql("""
				update referrals.referral set state = :state, approved_by = :approvedBy, approved_at = :approvedAt,
				  packet_sha256 = :sha, due_at = :dueAt, their_reference = :theirRef, acknowledged_on = :ackOn,
				  acknowledged_by = :ackBy, overdue_since = :overdueSince, dispatch_channel = :channel,
				  dispatched_at = :dispatchedAt, version = version + 1
				where id = :id and version = :version
				""")
			.param("state", referral.state().name())
			.param("approvedBy", referral.approvedBy())
			.param("approvedAt", ts(referral.approvedAt()))
			.param("sha", referral.packetSha256())
			.param("dueAt", ts(referral.dueAt()))
			.param("theirRef", referral.theirReference())
			.param("ackOn", referral.acknowledgedOn())
			.param("ackBy", referral.acknowledgedBy())
			.param("overdueSince", ts(referral.overdueSince()))
			.param("channel", referral.channel() == null ? null : referral.channel().name())
			.param("dispatchedAt", ts(referral.dispatchedAt()))
			.param("id", referral.id())
			.param("version", expectedVersion)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("referral " + referral.id() + " changed meanwhile");
		}
	}

	Optional<Versioned> find(UUID id) {
		return one(SELECT + " where r.id = ?", id);
	}

	/** Reads and locks the row until the transaction ends: the state check for dispatch happens under it. */
	Optional<Versioned> lock(UUID id) {
		return one(SELECT + " where r.id = ? for update", id);
	}

	List<Referral> list(ReferralState state, int limit) {
		String sql = state == null ? SELECT + " order by r.created_at desc limit ?"
				: SELECT + " where r.state = ? order by r.created_at desc limit ?";
		JdbcClient.StatementSpec spec = jdbc.sql(sql);
		spec = state == null ? spec.param(limit) : spec.params(state.name(), limit);
		return spec.query(this::row).list().stream().map(Versioned::referral).toList();
	}

	/** Dispatched referrals past their deadline, locked and skipped by other nodes running the same job. */
	List<Versioned> lockLate(Instant now, int limit) {
		return jdbc.sql(SELECT + """
				 where r.state = 'DISPATCHED' and r.due_at < ?
				order by r.due_at limit ? for update of r skip locked
				""").params(ts(now), limit).query(this::row).list();
	}

	void storePacket(UUID id, UUID keyId, byte[] sealed) {
		jdbc.sql("update referrals.referral set key_id = ?, packet = ? where id = ?").params(keyId, sealed, id).update();
	}

	/** Stores a notification referral's letter, sealed under its own data key. */
	void storeNotice(UUID id, UUID keyId, byte[] sealed) {
		jdbc.sql("update referrals.referral set notice_key_id = ?, notice = ? where id = ?").params(keyId, sealed, id).update();
	}

	/** The sealed letter of a notification referral. */
	Optional<SealedPacket> notice(UUID id) {
		return jdbc.sql("select notice_key_id, notice from referrals.referral where id = ? and notice is not null")
			.param(id)
			.query((rs, n) -> new SealedPacket(rs.getObject("notice_key_id", UUID.class), rs.getBytes("notice")))
			.optional();
	}

	Optional<SealedPacket> packet(UUID id) {
		return jdbc.sql("select key_id, packet from referrals.referral where id = ? and packet is not null")
			.param(id)
			.query((rs, n) -> new SealedPacket(rs.getObject("key_id", UUID.class), rs.getBytes("packet")))
			.optional();
	}

	/** The unique dispatch record: a second insert for the same referral fails on the primary key. */
	void insertDispatch(UUID referralId, DispatchChannel channel, Instant at, String by, String sha256, String mailTo,
			byte[] sealedNote) {
		jdbc.sql("""
				insert into referrals.dispatch (referral_id, channel, dispatched_at, dispatched_by, packet_sha256, mail_to, note)
				values (?, ?, ?, ?, ?, ?, ?)
				""").params(referralId, channel.name(), ts(at), by, sha256, mailTo, sealedNote).update();
	}

	/**
	 * Locks the dispatch record of an e-mail not yet taken by the mail server and returns the address it goes
	 * to; empty for hand deliveries and mails already sent. The lock keeps two senders (a retry and a late
	 * first attempt, or two nodes) from both sending.
	 */
	Optional<String> lockPendingMail(UUID referralId) {
		return jdbc.sql("""
				select mail_to from referrals.dispatch
				where referral_id = ? and channel = 'EMAIL' and mail_sent_at is null for update
				""").param(referralId).query(String.class).optional();
	}

	void markMailSent(UUID referralId, Instant at) {
		jdbc.sql("update referrals.dispatch set mail_sent_at = ? where referral_id = ?").params(ts(at), referralId).update();
	}

	Optional<byte[]> dispatchNote(UUID referralId) {
		return jdbc.sql("select note from referrals.dispatch where referral_id = ? and note is not null")
			.param(referralId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** A referral with the row version it was read at. */
	record Versioned(Referral referral, int version) {
	}

	/** The packet PDF as stored: ciphertext under the referral's data key. */
	record SealedPacket(UUID keyId, byte[] ciphertext) {
	}

	private Optional<Versioned> one(String sql, UUID id) {
		return jdbc.sql(sql).param(id).query(this::row).optional();
	}

	private Versioned row(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<UUID> messages = jdbc.sql("select message_id from referrals.referral_message where referral_id = ? order by position")
			.param(id)
			.query(UUID.class)
			.list();
		Recipient recipient = new Recipient(rs.getString("recipient_name"), AuthorityKind.valueOf(rs.getString("recipient_kind")),
				rs.getString("recipient_language"), rs.getString("recipient_email"), rs.getString("recipient_address"),
				rs.getInt("recipient_ack_days"));
		Referral referral = new Referral(id, rs.getString("reference"), rs.getObject("authority_id", UUID.class), recipient,
				messages, rs.getString("created_by"), instant(rs, "created_at"), rs.getObject("notice_key_id") != null);
		String channel = rs.getString("dispatch_channel");
		referral.restore(ReferralState.valueOf(rs.getString("state")), rs.getString("approved_by"),
				instant(rs, "approved_at"), channel == null ? null : DispatchChannel.valueOf(channel),
				instant(rs, "dispatched_at"), instant(rs, "due_at"), rs.getString("their_reference"),
				rs.getObject("acknowledged_on", LocalDate.class), rs.getString("acknowledged_by"),
				instant(rs, "overdue_since"), rs.getString("packet_sha256"), instant(rs, "mail_sent_at"));
		return new Versioned(referral, rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
