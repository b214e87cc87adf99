package org.kinlink.storage.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import org.kinlink.storage.StorageMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates the key-encryption key (S5): every data key in {@code storage.data_key} (which covers everything
 * the {@link org.kinlink.storage.Vault} sealed, the login throttle's name key included) and every key wrapped
 * outside the database ({@link KeysWrappedOutside}: the backup keys) is wrapped again under a new key, and the
 * old key stops wrapping anything new. The receipt pepper is not wrapped by this key and does not change.
 * <p>
 * The order of the steps, chosen so that a crash at any point leaves every wrapped key openable by the key
 * file (or the environment) as it is at that moment, and a second run finishes the work:
 * <ol>
 * <li>Embedded mode: the current keyset file is copied to {@code kek-retired-<UTC time>.json} next to it
 * (written new, forced to disk). The operator deletes it once no backup made before the rotation is kept.</li>
 * <li>Embedded mode: the <em>transitional</em> keyset (the old key, plus a new key as primary) replaces
 * {@code kek.json} atomically (temporary file, fsync, atomic move, fsync of the folder). From here on new data
 * keys are wrapped under the new key; old wrappings still open. Production mode: the nodes and this command
 * run with KINLINK_KEK (old) and KINLINK_NEW_KEK (new), which together are the same transitional keyset
 * ({@link KeyEncryptionKey#joined}); nothing is written to the environment.</li>
 * <li>The data keys, in batches ordered by id, each batch one transaction: a key that the new key alone opens
 * is left as it is (so a batch done twice changes nothing), any other is opened with the transitional keyset
 * and wrapped again under the new key alone. A failed batch rolls back by itself; the batches before it stay.</li>
 * <li>The keys outside the database, each file replaced atomically, with the same skip rule.</li>
 * <li>Embedded mode: {@code kek.json} becomes the new key alone (atomically): the old key is then only in the
 * retired file. Production mode: the command prints that KINLINK_KEK must take KINLINK_NEW_KEK's value and
 * KINLINK_NEW_KEK be removed, on every node; it never prints or logs key material.</li>
 * <li>An audit entry with the counts (no key material).</li>
 * </ol>
 * A run that finds a transitional {@code kek.json} (more than one key) resumes at step 3 with its primary key
 * instead of making another one; a run after a finished rotation rotates again, which is harmless.
 */
@Service
public class KeyRotation {

	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private static final DateTimeFormatter RETIRED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final EnvelopeVault vault;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final List<KeysWrappedOutside> outside;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	KeyRotation(EnvelopeVault vault, JdbcClient jdbc, TransactionTemplate transactions,
			List<KeysWrappedOutside> outside, ApplicationEventPublisher events, Clock clock) {
		this.vault = vault;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.outside = outside;
		this.events = events;
		this.clock = clock;
	}

	/** What a rotation did, in figures (and the retired file in embedded mode). */
	public record Result(long dataKeys, long rewrapped, int outsideRewrapped, boolean resumed, boolean fromEnvironment,
			Path keyFile, Path retiredFile) {
	}

	/** Thrown when the rotation cannot start: nothing was changed. */
	public static class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refused(String message) {
			super(message);
		}

	}

	public Result rotate() {
		return rotate(BATCH, batch -> {
		});
	}

	/** As {@link #rotate()}; {@code insideBatch} runs inside each batch's transaction (tests make one fail). */
	Result rotate(int batchSize, IntConsumer insideBatch) {
		try {
			Result result = rotateSteps(batchSize, insideBatch);
			transactions.executeWithoutResult(status -> events.publishEvent(new StorageMaintenance(
					StorageMaintenance.Task.ROTATE_KEK, null, true,
					"data-keys=" + result.dataKeys() + " rewrapped=" + result.rewrapped() + " backup-keys-rewrapped="
							+ result.outsideRewrapped() + " resumed=" + result.resumed() + " source="
							+ (result.fromEnvironment() ? "environment" : "file"))));
			return result;
		}
		catch (Refused ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			try {
				transactions.executeWithoutResult(status -> events.publishEvent(new StorageMaintenance(
						StorageMaintenance.Task.ROTATE_KEK, null, false, "error=" + ex.getClass().getSimpleName())));
			}
			catch (RuntimeException notRecorded) {
				log.warn("The failed key rotation could not be recorded ({})", notRecorded.getClass().getSimpleName());
			}
			throw ex;
		}
	}

	private Result rotateSteps(int batchSize, IntConsumer insideBatch) {
		try {
			KeysetHandle current = vault.keyset();
			boolean resumed = false;
			Path retired = null;
			KeysetHandle next;
			if (vault.kekFromEnvironment()) {
				if (!vault.newKekFromEnvironment()) {
					throw new Refused("KINLINK_NEW_KEK is not set");
				}
				next = KeyEncryptionKey.primaryOnly(current);
			}
			else if (current.size() > 1) {
				resumed = true;
				next = KeyEncryptionKey.primaryOnly(current);
				log.info("Resuming a key rotation that had stopped");
			}
			else {
				retired = retiredFile();
				KeyEncryptionKey.writeDurably(retired, KeyEncryptionKey.json(current));
				KeysetHandle transitional = KeyEncryptionKey.joined(current, KeyEncryptionKey.generate());
				KeyEncryptionKey.writeAtomically(vault.kekFile(), transitional);
				vault.use(transitional);
				next = KeyEncryptionKey.primaryOnly(transitional);
			}
			Aead nextAead = KeyEncryptionKey.aead(next);
			Aead both = vault.keyEncryptionKey();
			long[] counts = rewrapDataKeys(both, nextAead, batchSize, insideBatch);
			int outsideCount = 0;
			for (KeysWrappedOutside keys : outside) {
				outsideCount += keys.rewrap((wrapped, associatedData) -> again(wrapped, associatedData, both, nextAead));
			}
			if (!vault.kekFromEnvironment()) {
				KeyEncryptionKey.writeAtomically(vault.kekFile(), next);
				vault.use(next);
			}
			log.info("Key rotation done: {} data keys, {} wrapped again, {} backup keys wrapped again", counts[0],
					counts[1], outsideCount);
			return new Result(counts[0], counts[1], outsideCount, resumed, vault.kekFromEnvironment(),
					vault.kekFromEnvironment() ? null : vault.kekFile(), retired);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The key rotation could not make or use a key", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code kek-retired-<UTC time>.json} next to the key file; never one that exists. */
	private Path retiredFile() {
		String stamp = RETIRED.format(clock.instant());
		Path file = vault.kekFile().resolveSibling("kek-retired-" + stamp + ".json");
		for (int n = 2; java.nio.file.Files.exists(file); n++) {
			file = vault.kekFile().resolveSibling("kek-retired-" + stamp + "-" + n + ".json");
		}
		return file;
	}

	/** Total and changed, batch by batch, each batch in its own transaction. */
	private long[] rewrapDataKeys(Aead both, Aead nextAead, int batchSize, IntConsumer insideBatch) {
		long total = 0;
		long changed = 0;
		UUID after = new UUID(0, 0);
		for (int number = 1;; number++) {
			int batch = number;
			UUID from = after;
			BatchDone done = transactions.execute(status -> {
				List<Row> rows = jdbc.sql("select id, wrapped from storage.data_key where id > ? order by id limit ? for update")
					.params(from, batchSize)
					.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getBytes("wrapped")))
					.list();
				long rewrapped = 0;
				for (Row row : rows) {
					byte[] again = again(row.wrapped(), EnvelopeVault.bind(row.id()), both, nextAead);
					if (again != null) {
						jdbc.sql("update storage.data_key set wrapped = ? where id = ?").params(again, row.id()).update();
						rewrapped++;
					}
				}
				insideBatch.accept(batch);
				return new BatchDone(rows.size(), rewrapped, rows.isEmpty() ? null : rows.get(rows.size() - 1).id());
			});
			if (done == null || done.last() == null) {
				break;
			}
			total += done.rows();
			changed += done.rewrapped();
			after = done.last();
			if (done.rows() < batchSize) {
				break;
			}
		}
		return new long[] { total, changed };
	}

	private record BatchDone(int rows, long rewrapped, UUID last) {
	}

	/** The key wrapped under the new key-encryption key, or null when it already is. */
	private static byte[] again(byte[] wrapped, byte[] associatedData, Aead both, Aead nextAead) {
		try {
			TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, nextAead, associatedData);
			return null;
		}
		catch (GeneralSecurityException notYet) {
			try {
				KeysetHandle key = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, both, associatedData);
				return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, nextAead, associatedData);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("A wrapped key opens with neither the old nor the new key-encryption key", ex);
			}
		}
	}

	private record Row(UUID id, byte[] wrapped) {
	}

}
