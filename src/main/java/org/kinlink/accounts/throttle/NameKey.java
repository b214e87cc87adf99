package org.kinlink.accounts.throttle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key of the account-name hashes in the shared throttle table: the same on every node, unknown to anyone
 * who has only the database.
 * <p>
 * Why a Vault-sealed value: every node already shares two things, the database and the key-encryption key
 * (KINLINK_KEK, or the key file under the data directory), and the key-encryption key never enters the
 * database. The key-encryption key is an AEAD keyset and Tink gives no deterministic derivation from it, so the
 * HMAC key is 32 random bytes made once by the first node that needs it and kept in
 * {@code accounts.login_throttle_key}, sealed with the {@link Vault} (which the accounts module may use) under
 * its own data key. Every node opens the same value; a copy of the database alone opens nothing. A separate
 * secret in each node's environment (as the portal's receipt pepper) would also work but would be one more
 * secret for the operator to make, copy to every node and back up, with nodes silently counting apart when
 * one copy differs.
 * <p>
 * The key is made and read in a transaction of its own, so a caller's rollback cannot leave this node using a
 * key that no other node sees. If two nodes make one at once, the database keeps the first and the other node
 * shreds its own and takes that one.
 */
@Component
class NameKey {

	static final String CONTEXT = "accounts.login-throttle-key";

	private static final String ALGORITHM = "HmacSHA256";

	private final JdbcClient jdbc;

	private final Vault vault;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private volatile SecretKeySpec key;

	NameKey(JdbcClient jdbc, Vault vault, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** HMAC-SHA256 of the (already normalised) name: the row key of the shared throttle table. */
	byte[] hash(String name) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key());
			return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec loaded = key;
		if (loaded == null) {
			synchronized (this) {
				loaded = key;
				if (loaded == null) {
					byte[] secret = ownTransaction.execute(status -> readOrCreate());
					loaded = new SecretKeySpec(secret, ALGORITHM);
					Arrays.fill(secret, (byte) 0);
					key = loaded;
				}
			}
		}
		return loaded;
	}

	private byte[] readOrCreate() {
		return read().orElseGet(() -> {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			UUID keyId = vault.newKey();
			int inserted = jdbc.sql("""
					insert into accounts.login_throttle_key (id, key_id, sealed, created_at) values (1, ?, ?, ?)
					on conflict (id) do nothing
					""")
				.params(keyId, vault.seal(keyId, secret, CONTEXT), Timestamp.from(clock.instant()))
				.update();
			if (inserted == 1) {
				return secret;
			}
			vault.shred(keyId); // another node was first: use its key
			return read().orElseThrow();
		});
	}

	private java.util.Optional<byte[]> read() {
		return jdbc.sql("select key_id, sealed from accounts.login_throttle_key where id = 1")
			.query((rs, n) -> vault.open(rs.getObject("key_id", UUID.class), rs.getBytes("sealed"), CONTEXT))
			.optional();
	}

}
