package org.kinlink.cases.consent;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.DisclosureRefusedException;
import org.kinlink.cases.Disclosures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consent gate over the person's current legal basis. {@link #require} reads it with {@code FOR SHARE}: a
 * withdrawal or a new decision (which update the row) waits for the disclosing transaction, and a disclosure
 * that starts after the withdrawal committed finds no current basis and is refused. A disclosure that waited
 * for a new decision to supersede the old one reads again and rests on the new one. A refusal stays audited
 * even when the caller's transaction rolls back.
 */
@Service
class JdbcDisclosures implements Disclosures {

	private static final String RECORD = "person";

	/** A purpose is a short code, never free text: it goes into the audit trail. */
	private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9.-]{0,47}");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final TransactionTemplate afterwards;

	JdbcDisclosures(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.afterwards = new TransactionTemplate(transactions);
		this.afterwards.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	@Transactional(readOnly = true)
	public DisclosureLevel permitted(UUID personId) {
		return current(personId, false).map(Basis::level).orElse(DisclosureLevel.NOTHING);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = DisclosureRefusedException.class)
	public UUID require(UUID personId, DisclosureLevel needed, String purpose) {
		if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
			throw new IllegalArgumentException("purpose must be a short code such as message.deliver");
		}
		Optional<Basis> basis = current(personId, true);
		if (basis.isEmpty()) {
			// The row we waited on may have been superseded: its successor was invisible to the first statement.
			basis = current(personId, true);
		}
		if (needed == null || needed == DisclosureLevel.NOTHING || basis.isEmpty() || !basis.get().level().allows(needed)) {
			AuditEvent denied = AuditEvent.denied("disclosure", RECORD, personId)
				.withDetail("rule=S15;" + purpose + ";needs=" + needed + basis.map(b -> ";basis=" + b.id()).orElse(";no-basis"));
			audit.record(denied);
			keepIfRolledBack(denied);
			throw new DisclosureRefusedException();
		}
		audit.record(AuditEvent.success("disclosure", RECORD, personId)
			.withDetail(purpose + ";level=" + needed + ";basis=" + basis.get().id()));
		return basis.get().id();
	}

	/**
	 * A caller that lets the refusal roll its transaction back would lose the audited denial with it: then it is
	 * written again in a transaction of its own, after the caller's has ended and released its locks.
	 */
	private void keepIfRolledBack(AuditEvent denied) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_ROLLED_BACK) {
					afterwards.executeWithoutResult(tx -> audit.record(denied));
				}
			}
		});
	}

	private Optional<Basis> current(UUID personId, boolean lock) {
		if (personId == null) {
			return Optional.empty();
		}
		return jdbc.sql("select id, level from cases.legal_basis where person_id = ? and ended_at is null" + (lock ? " for share" : ""))
			.param(personId)
			.query((rs, n) -> new Basis(rs.getObject("id", UUID.class), DisclosureLevel.valueOf(rs.getString("level"))))
			.optional();
	}

	private record Basis(UUID id, DisclosureLevel level) {
	}

}
