package org.kinlink.translation.retention;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.retention.DerivedData;
import org.kinlink.retention.RetentionCategory;
import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The translation tasks of a shredded family message: their data keys are destroyed, so the source and target
 * segments and comments sealed under them cannot be opened again. Translation-memory units, which are kept
 * apart from the task on purpose, are not touched.
 */
@Component
class MessageTasksRetention implements DerivedData {

	private static final Set<RetentionCategory> MESSAGES = Set.of(RetentionCategory.REJECTED_SUBMISSIONS,
			RetentionCategory.UNANSWERED_REPLIES);

	private final JdbcClient jdbc;

	private final Vault vault;

	private final AuditTrail audit;

	MessageTasksRetention(JdbcClient jdbc, Vault vault, AuditTrail audit) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.audit = audit;
	}

	@Override
	public void shredDerived(RetentionCategory category, UUID recordId) {
		if (!MESSAGES.contains(category)) {
			return;
		}
		List<UUID> keys = jdbc.sql("select key_id from translation.task where message_id = ?")
			.param(recordId)
			.query(UUID.class)
			.list();
		keys.forEach(vault::shred);
		if (!keys.isEmpty()) {
			audit.recordAs("retention-job", AuditEvent.success("translation.shred", "message", recordId)
				.withDetail("tasks " + keys.size()));
		}
	}

}
