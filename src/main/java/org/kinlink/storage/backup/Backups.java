package org.kinlink.storage.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.kinlink.storage.BackupRestored;
import org.kinlink.storage.blobs.BlobStore;
import org.kinlink.storage.keys.KeyWrapping;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backup, restore and the expiry of backups for this Kinlink's database and blob store (S21, S7). Backup keys
 * live in {@code kinlink.backup.keys-dir}; a backup older than {@code kinlink.backup.keep} loses its key.
 */
@Service
class Backups {

	private final DataSource dataSource;

	private final BlobStore store;

	private final BackupKeys keys;

	private final Clock clock;

	private final Duration keep;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	Backups(DataSource dataSource, BlobStore store, KeyWrapping wrapping, Clock clock,
			ApplicationEventPublisher events, TransactionTemplate transactions,
			@Value("${kinlink.backup.keys-dir:${kinlink.data-dir}/keys/backups}") Path keysDir,
			@Value("${kinlink.backup.keep:30d}") Duration keep) {
		this.dataSource = dataSource;
		this.store = store;
		this.keys = new BackupKeys(keysDir, wrapping);
		this.clock = clock;
		this.keep = keep;
		this.events = events;
		this.transactions = transactions;
	}

	BackupKeys keys() {
		return keys;
	}

	/** Writes a backup to {@code file} (which must not exist yet). */
	BackupResult backup(Path file) {
		return new BackupMaker(dataSource, store, keys, clock).write(file);
	}

	/** Restores into this application's (empty) database and blob store, then announces it. */
	BackupResult restore(Path file, boolean force) {
		BackupResult result = new Restorer(dataSource, store, keys).restore(file, force);
		transactions.executeWithoutResult(
				status -> events.publishEvent(new BackupRestored(result.backupId(), result.created())));
		return result;
	}

	/** Shreds the keys of backups older than the keep period; returns how many. */
	int prune() {
		return keys.prune(clock.instant(), keep);
	}

	Duration keep() {
		return keep;
	}

}
