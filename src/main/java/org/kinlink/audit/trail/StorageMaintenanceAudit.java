package org.kinlink.audit.trail;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.storage.StorageMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Backups, restores, pruning and key rotation leave an entry in the trail (S17, S21), as done by "system".
 * Synchronous, in the publisher's transaction: after a restore the entry goes into the restored chain, so
 * the trail itself says it was restored. A database without the trail's tables (a restore refused before
 * it migrated anything) cannot hold an entry: the command's own output is then the only record.
 */
@Component
class StorageMaintenanceAudit {

	static final String ACTOR = "system";

	private static final Logger log = LoggerFactory.getLogger(StorageMaintenanceAudit.class);

	private final AuditTrail trail;

	private final JdbcClient jdbc;

	StorageMaintenanceAudit(AuditTrail trail, JdbcClient jdbc) {
		this.trail = trail;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(StorageMaintenance done) {
		if (!trailExists()) {
			log.warn("No audit trail in this database yet: {} not recorded", action(done.task()));
			return;
		}
		AuditEvent.Outcome outcome = done.succeeded() ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE;
		String recordType = done.task() == StorageMaintenance.Task.ROTATE_KEK ? "storage.kek" : "backup";
		String recordId = done.backupId() == null ? null : done.backupId().toString();
		trail.recordAs(ACTOR, new AuditEvent(action(done.task()), recordType, recordId, outcome, done.detail()));
	}

	/** E.g. "backup.made", "backup.restored", "backup.pruned", "storage.kek-rotated". */
	static String action(StorageMaintenance.Task task) {
		return switch (task) {
			case BACKUP -> "backup.made";
			case RESTORE -> "backup.restored";
			case PRUNE_BACKUPS -> "backup.pruned";
			case ROTATE_KEK -> "storage.kek-rotated";
		};
	}

	private boolean trailExists() {
		boolean tables = jdbc.sql("""
				select to_regclass('audit.entry') is not null and to_regclass('audit.chain_head') is not null
				and to_regclass('audit.entry_seq') is not null""").query(Boolean.class).single();
		return tables && jdbc.sql("select exists (select 1 from audit.chain_head where id = 1)").query(Boolean.class).single();
	}

}
