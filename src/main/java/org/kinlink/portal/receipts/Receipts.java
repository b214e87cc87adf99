package org.kinlink.portal.receipts;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts as the portal uses them (S1, S2): issued from SecureRandom, stored only as their Argon2id hash,
 * looked up by computing the hash every time, so a wrong receipt costs the same as a right one.
 */
@Service
public class Receipts {

	private final ReceiptHasher hasher;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Receipts(ReceiptHasher hasher, JdbcClient jdbc, Clock clock) {
		this.hasher = hasher;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new receipt and its hash; call it before opening the transaction that stores the letter. */
	public IssuedReceipt newReceipt() {
		Receipt receipt = Receipt.generate(random);
		return new IssuedReceipt(receipt, hasher.hash(receipt));
	}

	/** Stores the receipt's hash for the message, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void store(IssuedReceipt issued, UUID messageId) {
		jdbc.sql("insert into portal.receipt (hash, message_id, created_at) values (?, ?, ?)")
			.params(issued.hash(), messageId, Timestamp.from(clock.instant()))
			.update();
	}

	/** Stores the receipt's hash for a tracing request, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void storeForTracing(IssuedReceipt issued, UUID tracingRequestId) {
		jdbc.sql("insert into portal.receipt (hash, tracing_request_id, created_at) values (?, ?, ?)")
			.params(issued.hash(), tracingRequestId, Timestamp.from(clock.instant()))
			.update();
	}

	/** The message the receipt belongs to, if any (a receipt of a tracing request finds none). */
	public Optional<UUID> find(Receipt receipt) {
		return owner(receipt).map(ReceiptOwner::messageId);
	}

	/** The letter or the tracing request the receipt belongs to, if any; the cost is the same either way. */
	public Optional<ReceiptOwner> owner(Receipt receipt) {
		String hash = hasher.hash(receipt);
		return jdbc.sql("select message_id, tracing_request_id from portal.receipt where hash = ?")
			.param(hash)
			.query((rs, n) -> new ReceiptOwner(rs.getObject("message_id", UUID.class), rs.getObject("tracing_request_id", UUID.class)))
			.optional()
			.filter(owner -> owner.messageId() != null || owner.tracingRequestId() != null);
	}

}
