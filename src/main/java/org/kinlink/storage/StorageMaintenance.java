package org.kinlink.storage;

import java.util.UUID;

/**
 * A maintenance command on stored data ran (a backup, a restore, pruning backups, a key-encryption key
 * rotation), successfully or not, for the audit trail (S17, S21). Figures and ids only, never personal data
 * or key material. Published inside a transaction; a listener that writes to the database joins it.
 *
 * @param task what ran
 * @param backupId the backup concerned, when there is one
 * @param succeeded whether it did what was asked
 * @param detail counts and outcome codes, e.g. {@code tables=40 rows=1200 files=3}
 */
public record StorageMaintenance(Task task, UUID backupId, boolean succeeded, String detail) {

	/** The maintenance commands that leave an audit entry. */
	public enum Task {
		BACKUP, RESTORE, PRUNE_BACKUPS, ROTATE_KEK
	}

}
