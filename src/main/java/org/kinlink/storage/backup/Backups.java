package org.kinlink.storage.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.kinlink.storage.BackupRestored;
import org.kinlink.storage.StorageMaintenance;
import org.kinlink.storage.blobs.BlobStore;
import org.kinlink.storage.keys.KeyWrapping;
import org.kinlink.storage.keys.KeysWrappedOutside;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backup, restore and the expiry of backups for this Kinlink's database and blob store (S21, S7). Backup keys
 * live in {@code kinlink.backup.keys-dir}; a backup older than {@code kinlink.backup.keep} loses its key.
 * Each run leaves an audit entry through {@link StorageMaintenance} (S17): ids, counts, outcome codes and a
 * digest of the file's path, nothing else.
 */
@Service
class Backups implements KeysWrappedOutside {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

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

	/** Writes a backup to {@code file} (which must not exist yet); the trail records it either way. */
	BackupResult backup(Path file) {
		BackupResult result;
		try {
			result = new BackupMaker(dataSource, store, keys, clock).write(file);
		}
		catch (RuntimeException ex) {
			announceQuietly(new StorageMaintenance(StorageMaintenance.Task.BACKUP, null, false,
					failed(ex) + " " + fileDigest(file)));
			throw ex;
		}
		transactions.executeWithoutResult(status -> events.publishEvent(new StorageMaintenance(
				StorageMaintenance.Task.BACKUP, result.backupId(), true, figures(result) + " " + fileDigest(file))));
		return result;
	}

	/**
	 * Restores into this application's (empty) database and blob store, then announces it: the trail entry
	 * goes into the restored chain, in the same transaction as the announcement that starts retention. A
	 * refused or failed restore is recorded where the database still has a trail (see the audit module).
	 */
	BackupResult restore(Path file, boolean force) {
		BackupResult result;
		try {
			result = new Restorer(dataSource, store, keys).restore(file, force);
		}
		catch (RuntimeException ex) {
			announceQuietly(new StorageMaintenance(StorageMaintenance.Task.RESTORE, null, false,
					failed(ex) + (force ? " force" : "") + " " + fileDigest(file)));
			throw ex;
		}
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new StorageMaintenance(StorageMaintenance.Task.RESTORE, result.backupId(), true,
					figures(result) + (force ? " force" : "") + " created=" + result.created()));
			events.publishEvent(new BackupRestored(result.backupId(), result.created()));
		});
		return result;
	}

	/** Shreds the keys of backups older than the keep period; returns how many. Recorded when any went. */
	int prune() {
		return prune(false);
	}

	/** As {@link #prune()}; {@code always} records it in the trail even when nothing went (the command). */
	int prune(boolean always) {
		int shredded;
		try {
			shredded = keys.prune(clock.instant(), keep);
		}
		catch (RuntimeException ex) {
			announceQuietly(new StorageMaintenance(StorageMaintenance.Task.PRUNE_BACKUPS, null, false, failed(ex)));
			throw ex;
		}
		if (always || shredded > 0) {
			transactions.executeWithoutResult(status -> events.publishEvent(new StorageMaintenance(
					StorageMaintenance.Task.PRUNE_BACKUPS, null, true,
					"shredded=" + shredded + " keep-days=" + keep.toDays())));
		}
		return shredded;
	}

	@Override
	public int rewrap(KeysWrappedOutside.Rewrap rewrap) {
		return keys.rewrap(rewrap);
	}

	/** Records a failure without hiding it: a trail that cannot take the entry must not replace the reason. */
	private void announceQuietly(StorageMaintenance failure) {
		try {
			transactions.executeWithoutResult(status -> events.publishEvent(failure));
		}
		catch (RuntimeException ex) {
			log.warn("The {} failure could not be recorded in the audit trail ({})", failure.task(),
					ex.getClass().getSimpleName());
		}
	}

	private static String figures(BackupResult result) {
		return "tables=" + result.tables() + " rows=" + result.rows() + " files=" + result.blobs() + " missing-files="
				+ result.missingBlobs() + " bytes=" + result.bytes();
	}

	private static String failed(RuntimeException ex) {
		String code = ex instanceof BackupFailure failure ? failure.code() : ex.getClass().getSimpleName();
		if (ex.getCause() instanceof BackupFailure inner) {
			code = code + " " + inner.code();
		}
		return "error=" + code;
	}

	/** The file named by a digest only: a path may name a person (an operator's home folder). */
	static String fileDigest(Path file) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
			return "file-sha256=" + HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Duration keep() {
		return keep;
	}

}
