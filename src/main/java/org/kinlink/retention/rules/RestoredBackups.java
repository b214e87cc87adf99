package org.kinlink.retention.rules;

import org.kinlink.retention.Retention;
import org.kinlink.storage.BackupRestored;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Backups follow retention (S7, S21): a restore brings back records that expired or were shredded since the
 * backup was taken, so the restore runs one retention pass before it ends and before anyone is served.
 */
@Component
class RestoredBackups {

	private final Retention retention;

	RestoredBackups(Retention retention) {
		this.retention = retention;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(BackupRestored event) {
		retention.enforceNow();
	}

}
