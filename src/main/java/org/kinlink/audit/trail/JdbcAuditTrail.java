package org.kinlink.audit.trail;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.audit.ChainVerification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the trail as a hash chain: each entry's hash covers its fields and the previous entry's hash. The
 * chain head row is locked while appending, so concurrent writers on several nodes keep one chain.
 * <p>
 * Entries are kept with their transaction and chained just before it commits ({@link PendingEntries}): the
 * head lock is then the last lock any transaction takes and is held only for the inserts. Taken at the
 * moment of recording it made deadlocks: one transaction audited and then updated a message while another
 * had updated that message and waited to audit. An entry still commits or rolls back with its transaction.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RequestActor requestActor;

	JdbcAuditTrail(JdbcClient jdbc, Clock clock, RequestActor requestActor) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.requestActor = requestActor;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		append(requestActor.name(), requestActor.origin(), event);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAs(String actor, AuditEvent event) {
		append(actor, requestActor.origin(), event);
	}

	private void append(String actor, String origin, AuditEvent event) {
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		PendingEntries.of(this::chain).add(new PendingEntries.Pending(actor, origin, event, at));
	}

	/** Appends the transaction's entries to the chain in the order they were recorded, under the head lock. */
	private void chain(List<PendingEntries.Pending> pending) {
		String previous = jdbc.sql("select hash from audit.chain_head where id = 1 for update").query(String.class).single();
		for (PendingEntries.Pending one : pending) {
			previous = insert(previous, one);
		}
		jdbc.sql("update audit.chain_head set hash = ? where id = 1").param(previous).update();
	}

	private String insert(String previous, PendingEntries.Pending pending) {
		AuditEvent event = pending.event();
		long sequence = jdbc.sql("select nextval('audit.entry_seq')").query(Long.class).single();
		AuditEntry entry = new AuditEntry(sequence, pending.at(), pending.actor(), pending.origin(), event.action(),
				event.recordType(), event.recordId(), event.outcome(), event.detail(), null);
		String hash = ChainHash.of(previous, entry);
		jdbc.sql("""
				insert into audit.entry (sequence, at, actor, origin, action, record_type, record_id, outcome, detail, prev_hash, hash)
				values (:sequence, :at, :actor, :origin, :action, :recordType, :recordId, :outcome, :detail, :prev, :hash)
				""")
			.param("sequence", sequence)
			.param("at", java.sql.Timestamp.from(pending.at()))
			.param("actor", pending.actor())
			.param("origin", pending.origin())
			.param("action", event.action())
			.param("recordType", event.recordType())
			.param("recordId", event.recordId())
			.param("outcome", event.outcome().name())
			.param("detail", event.detail())
			.param("prev", previous)
			.param("hash", hash)
			.update();
		return hash;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int limit, long beforeSequence, String recordType) {
		return jdbc.sql("""
				select * from audit.entry
				where sequence < :before and (cast(:type as text) is null or record_type = :type)
				order by sequence desc limit :limit
				""")
			.param("before", beforeSequence)
			.param("type", recordType)
			.param("limit", Math.min(Math.max(limit, 1), 500))
			.query(AuditRows::entry)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> recordTypes() {
		return jdbc.sql("select distinct record_type from audit.entry where record_type is not null order by record_type")
			.query(String.class)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		return new ChainWalker(jdbc).walk();
	}

}
