package org.kinlink.storage.blobs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.NoSuchElementException;
import java.util.UUID;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.SealBrokenException;
import org.kinlink.storage.StoredBlob;
import org.kinlink.storage.Vault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Blobs} with Tink's AES-256-GCM-HKDF streaming AEAD (1 MB segments): a fresh streaming key per blob,
 * sealed under the owning record's data key; the blob id and context are the associated data.
 */
@Service
class TinkBlobs implements Blobs {

	static {
		try {
			StreamingAeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final Logger log = LoggerFactory.getLogger(TinkBlobs.class);

	private final JdbcClient jdbc;

	private final Vault vault;

	private final BlobStore store;

	TinkBlobs(JdbcClient jdbc, Vault vault, BlobStore store) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.store = store;
	}

	@Override
	public BlobWriter create(UUID keyId, String context) {
		UUID id = UUID.randomUUID();
		String objectName = id.toString().substring(0, 2) + "/" + id;
		try {
			KeysetHandle key = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
			byte[] sealedKey = vault.seal(keyId, TinkProtoKeysetFormat.serializeKeyset(key, InsecureSecretKeyAccess.get()),
					keyContext(id));
			BlobStore.PendingObject object = store.create(objectName);
			try {
				OutputStream encrypting = streaming(key).newEncryptingStream(object.stream(), aad(id, context));
				return new TinkBlobWriter(id, keyId, context, objectName, sealedKey, object, encrypting);
			}
			catch (GeneralSecurityException | IOException | RuntimeException ex) {
				object.close();
				throw ex;
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A blob key could not be made", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public InputStream open(UUID blobId) {
		Row row = row(blobId);
		try {
			StoreFailures failures = new StoreFailures();
			InputStream decrypting = row.streaming(vault)
				.newDecryptingStream(failures.watch(store.read(row.objectName())), aad(blobId, row.context()));
			return new FilterInputStream(decrypting) {
				@Override
				public int read() throws IOException {
					byte[] one = new byte[1];
					int n = read(one, 0, 1);
					return n < 0 ? -1 : one[0] & 0xff;
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					try {
						return super.read(b, off, len);
					}
					catch (IOException ex) {
						throw failures.explain(ex);
					}
				}

				@Override
				public long skip(long n) throws IOException {
					try {
						return super.skip(n);
					}
					catch (IOException ex) {
						throw failures.explain(ex);
					}
				}
			};
		}
		catch (GeneralSecurityException ex) {
			throw new SealBrokenException("the blob does not open", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public SeekableByteChannel openSeekable(UUID blobId) {
		Row row = row(blobId);
		try {
			StoreFailures failures = new StoreFailures();
			SeekableByteChannel decrypting = row.streaming(vault)
				.newSeekableDecryptingChannel(failures.watch(store.readSeekable(row.objectName())),
						aad(blobId, row.context()));
			return failures.explaining(decrypting, row.size());
		}
		catch (GeneralSecurityException ex) {
			throw new SealBrokenException("the blob does not open", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public StoredBlob info(UUID blobId) {
		Row row = row(blobId);
		return new StoredBlob(blobId, row.keyId(), row.size(), row.sha256());
	}

	/**
	 * The row goes in the caller's transaction and the ciphertext only once that commits, so a rollback keeps a
	 * readable blob; if the object cannot be removed then, the orphan sweep removes it later.
	 */
	@Override
	public void delete(UUID blobId) {
		jdbc.sql("delete from storage.blob where id = ? returning object_name").param(blobId).query(String.class)
			.optional()
			.ifPresent(name -> {
				if (TransactionSynchronizationManager.isSynchronizationActive()) {
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
						@Override
						public void afterCommit() {
							deleteObject(name);
						}
					});
				}
				else {
					deleteObject(name);
				}
			});
	}

	private void deleteObject(String name) {
		try {
			store.delete(name);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("A deleted blob's ciphertext stays until the orphan sweep removes it", ex);
		}
	}

	private Row row(UUID blobId) {
		return jdbc.sql("select key_id, context, object_name, sealed_key, size, sha256 from storage.blob where id = ?")
			.param(blobId)
			.query((rs, n) -> new Row(blobId, rs.getObject("key_id", UUID.class), rs.getString("context"),
					rs.getString("object_name"), rs.getBytes("sealed_key"), rs.getLong("size"), rs.getString("sha256")))
			.optional()
			.orElseThrow(() -> new NoSuchElementException("no such blob"));
	}

	private static StreamingAead streaming(KeysetHandle key) throws GeneralSecurityException {
		return key.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
	}

	private static String keyContext(UUID blobId) {
		return "storage.blob-key:" + blobId;
	}

	private static byte[] aad(UUID blobId, String context) {
		return ("kinlink.blob:" + blobId + ":" + context).getBytes(StandardCharsets.UTF_8);
	}

	private record Row(UUID id, UUID keyId, String context, String objectName, byte[] sealedKey, long size,
			String sha256) {

		StreamingAead streaming(Vault vault) throws GeneralSecurityException {
			byte[] keyset = vault.open(keyId, sealedKey, keyContext(id));
			return TinkBlobs.streaming(TinkProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get()));
		}

	}

	private final class TinkBlobWriter extends BlobWriter {

		private final UUID id;

		private final UUID keyId;

		private final String context;

		private final String objectName;

		private final byte[] sealedKey;

		private final BlobStore.PendingObject object;

		private final OutputStream encrypting;

		private final MessageDigest digest = sha256();

		private long written;

		private boolean done;

		TinkBlobWriter(UUID id, UUID keyId, String context, String objectName, byte[] sealedKey,
				BlobStore.PendingObject object, OutputStream encrypting) {
			this.id = id;
			this.keyId = keyId;
			this.context = context;
			this.objectName = objectName;
			this.sealedKey = sealedKey;
			this.object = object;
			this.encrypting = encrypting;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (done) {
				throw new IOException("the blob is already finished");
			}
			encrypting.write(b, off, len);
			digest.update(b, off, len);
			written += len;
		}

		@Override
		public long written() {
			return written;
		}

		@Override
		public StoredBlob commit() {
			if (done) {
				throw new IllegalStateException("the blob is already finished");
			}
			done = true;
			try {
				encrypting.close();
				object.publish();
			}
			catch (IOException ex) {
				discard();
				throw new UncheckedIOException(ex);
			}
			String sha256 = HexFormat.of().formatHex(digest.digest());
			jdbc.sql("""
					insert into storage.blob (id, key_id, context, object_name, sealed_key, size, sha256)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, keyId, context, objectName, sealedKey, written, sha256)
				.update();
			return new StoredBlob(id, keyId, written, sha256);
		}

		@Override
		public void close() throws IOException {
			if (!done) {
				done = true;
				discard();
			}
		}

		private void discard() {
			try {
				object.close();
			}
			catch (IOException ex) {
				// The object was never published; a half-written temporary is all that can remain.
			}
		}

		private static MessageDigest sha256() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}


}
