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
		String previous = jdbc.sql("select hash from audit.chain_head where id = 1 for update").query(String.class).single();
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		long sequence = jdbc.sql("select nextval('audit.entry_seq')").query(Long.class).single();
		AuditEntry entry = new AuditEntry(sequence, at, actor, origin, event.action(), event.recordType(),
				event.recordId(), event.outcome(), event.detail(), null);
		String hash = ChainHash.of(previous, entry);
		jdbc.sql("""
				insert into audit.entry (sequence, at, actor, origin, action, record_type, record_id, outcome, detail, prev_hash, hash)
				values (:sequence, :at, :actor, :origin, :action, :recordType, :recordId, :outcome, :detail, :prev, :hash)
				""")
			.param("sequence", sequence)
			.param("at", java.sql.Timestamp.from(at))
			.param("actor", actor)
			.param("origin", origin)
			.param("action", event.action())
			.param("recordType", event.recordType())
			.param("recordId", event.recordId())
			.param("outcome", event.outcome().name())
			.param("detail", event.detail())
			.param("prev", previous)
			.param("hash", hash)
			.update();
		jdbc.sql("update audit.chain_head set hash = ? where id = 1").param(hash).update();
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
