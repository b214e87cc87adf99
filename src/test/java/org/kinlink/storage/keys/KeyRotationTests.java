package org.kinlink.storage.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;
import org.kinlink.KinlinkApplication;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.storage.Vault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * S5 key management on the real embedded PostgreSQL: records sealed under the key-encryption key of the
 * embedded key file open again after {@code rotate-kek}, under the new key alone; the retired key opens no
 * wrapped key (data keys and backup keys alike); a rotation stopped by a failing batch resumes and loses
 * nothing; the production path takes the new key from KINLINK_NEW_KEK and a second run changes nothing.
 */
@SpringBootTest
class KeyRotationTests {

	private static final Path DATA_DIR = tempFolder();

	@DynamicPropertySource
	static void keyFile(DynamicPropertyRegistry registry) {
		registry.add("kinlink.kek", () -> "");
		registry.add("kinlink.data-dir", DATA_DIR::toString);
		registry.add("kinlink.backup.keys-dir", () -> DATA_DIR.resolve("keys/backups").toString());
	}

	@Autowired
	Vault vault;

	@Autowired
	EnvelopeVault envelopes;

	@Autowired
	KeyRotation rotation;

	@Autowired
	RotateKekCommand command;

	@Autowired
	KeyWrapping wrapping;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AuditTrail trail;

	@Autowired
	List<KeysWrappedOutside> outside;

	@Test
	void everythingOpensUnderTheNewKeyAndNothingUnderTheOldOne() throws Exception {
		Map<UUID, byte[]> sealed = seal(5);
		UUID backupId = UUID.randomUUID();
		Path backupKey = backupKey(backupId);
		String before = Files.readString(kekFile());

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = command.execute(print(out), print(new ByteArrayOutputStream()));

		assertThat(exit).isZero();
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("Key-encryption key rotated").contains("kek-retired-");
		String after = Files.readString(kekFile());
		assertThat(after).isNotEqualTo(before);
		assertThat(printed).doesNotContain(after).doesNotContain(before).doesNotContain("primaryKeyId");
		assertThat(keyset(after).size()).isOne();
		Path retired = retiredFiles().get(retiredFiles().size() - 1);
		assertThat(Files.readString(retired)).isEqualTo(before);
		assertOpen(sealed, vault);
		assertOpen(sealed, new EnvelopeVault(jdbc, "", DATA_DIR));
		assertThat(wrapping.unwrap(Files.readAllBytes(backupKey), backupBinding(backupId))).isNotNull();
		Aead old = KeyEncryptionKey.aead(keyset(before));
		assertOpensNothing(old);
		assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(Files.readAllBytes(backupKey), old,
				backupBinding(backupId))).isInstanceOf(GeneralSecurityException.class);
		AuditEntry entry = latestRotation();
		assertThat(entry.actor()).isEqualTo("system");
		assertThat(entry.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
		assertThat(entry.detail()).contains("data-keys=").contains("backup-keys-rewrapped=1").doesNotContain(after);
		assertThat(trail.verify().intact()).isTrue();

		// a second run is another rotation, and harmless
		UUID newer = vault.newKey();
		byte[] newerSealed = vault.sealText(newer, "second", "test.rotation");
		KeyRotation.Result second = rotation.rotate();
		assertThat(second.resumed()).isFalse();
		assertOpen(sealed, new EnvelopeVault(jdbc, "", DATA_DIR));
		assertThat(vault.openText(newer, newerSealed, "test.rotation")).isEqualTo("second");
		assertThat(wrapping.unwrap(Files.readAllBytes(backupKey), backupBinding(backupId))).isNotNull();
		assertOpensNothing(KeyEncryptionKey.aead(keyset(after)));
	}

	@Test
	void aRotationStoppedByAFailingBatchResumesAndLosesNothing() throws Exception {
		Map<UUID, byte[]> sealed = seal(7);
		String before = Files.readString(kekFile());

		assertThatThrownBy(() -> rotation.rotate(2, batch -> {
			if (batch == 2) {
				throw new IllegalStateException("the machine went away");
			}
		})).hasMessageContaining("went away");

		KeysetHandle transitional = keyset(Files.readString(kekFile()));
		assertThat(transitional.size()).as("old and new key while the rotation is unfinished").isEqualTo(2);
		assertOpen(sealed, vault);
		assertOpen(sealed, new EnvelopeVault(jdbc, "", DATA_DIR));
		Aead newOnly = KeyEncryptionKey.aead(KeyEncryptionKey.primaryOnly(transitional));
		Aead old = KeyEncryptionKey.aead(keyset(before));
		assertThat(count(newOnly)).as("the first batch was wrapped again").isEqualTo(2);
		assertThat(count(old)).as("the rest still under the old key").isEqualTo(total() - 2);
		AuditEntry failed = latestRotation();
		assertThat(failed.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);

		KeyRotation.Result resumed = rotation.rotate(2, batch -> {
		});

		assertThat(resumed.resumed()).isTrue();
		assertThat(resumed.dataKeys()).isEqualTo(total());
		assertThat(resumed.rewrapped()).isEqualTo(total() - 2);
		assertThat(keyset(Files.readString(kekFile())).size()).isOne();
		assertOpen(sealed, vault);
		assertOpen(sealed, new EnvelopeVault(jdbc, "", DATA_DIR));
		assertOpensNothing(old);
		assertThat(latestRotation().outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
	}

	@Test
	void fromTheEnvironmentItTakesTheNewKeyFromKinlinkNewKekAndASecondRunChangesNothing() throws Exception {
		Map<UUID, byte[]> sealed = seal(3);
		String fileKey = Files.readString(kekFile());
		String next = TinkJsonProtoKeysetFormat.serializeKeyset(KeyEncryptionKey.generate(), InsecureSecretKeyAccess.get());

		assertThatThrownBy(() -> production(fileKey, "").rotate()).isInstanceOf(KeyRotation.Refused.class);
		assertThat(count(KeyEncryptionKey.aead(keyset(fileKey)))).isEqualTo(total());

		KeyRotation.Result first = production(fileKey, next).rotate();
		KeyRotation.Result again = production(fileKey, next).rotate();

		assertThat(first.fromEnvironment()).isTrue();
		assertThat(first.rewrapped()).isEqualTo(total());
		assertThat(again.rewrapped()).isZero();
		assertThat(Files.readString(kekFile())).as("the key file is not touched").isEqualTo(fileKey);
		assertThat(count(KeyEncryptionKey.aead(keyset(next)))).isEqualTo(total());
		assertOpensNothing(KeyEncryptionKey.aead(keyset(fileKey)));
		assertOpen(sealed, new EnvelopeVault(jdbc, base64(next), DATA_DIR));

		// and back, so that this context's vault (the key file) opens everything again
		production(next, fileKey).rotate();
		assertOpen(sealed, vault);
	}

	@Test
	void rotateKekIsAMaintenanceCommand() {
		assertThat(KinlinkApplication.maintenanceArguments("rotate-kek")).containsExactly("--kinlink.command=rotate-kek");
	}

	private KeyRotation production(String kek, String newKek) {
		EnvelopeVault fromEnvironment = new EnvelopeVault(jdbc, base64(kek), newKek.isEmpty() ? "" : base64(newKek),
				DATA_DIR.resolve("unused"));
		return new KeyRotation(fromEnvironment, jdbc, transactions, outside, events, Clock.systemUTC());
	}

	private Map<UUID, byte[]> seal(int count) {
		Map<UUID, byte[]> sealed = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			UUID key = vault.newKey();
			sealed.put(key, vault.sealText(key, "record " + key, "test.rotation"));
		}
		return sealed;
	}

	private static void assertOpen(Map<UUID, byte[]> sealed, Vault opener) {
		sealed.forEach((key, bytes) -> assertThat(opener.openText(key, bytes, "test.rotation")).isEqualTo("record " + key));
	}

	private void assertOpensNothing(Aead kek) {
		assertThat(count(kek)).isZero();
	}

	/** How many wrapped data keys this key-encryption key opens. */
	private long count(Aead kek) {
		return jdbc.sql("select id, wrapped from storage.data_key").query((rs, n) -> {
			try {
				TinkProtoKeysetFormat.parseEncryptedKeyset(rs.getBytes("wrapped"), kek,
						EnvelopeVault.bind(rs.getObject("id", UUID.class)));
				return 1;
			}
			catch (GeneralSecurityException ex) {
				return 0;
			}
		}).list().stream().mapToLong(Integer::longValue).sum();
	}

	private long total() {
		return jdbc.sql("select count(*) from storage.data_key").query(Long.class).single();
	}

	private AuditEntry latestRotation() {
		return trail.latest(1, Long.MAX_VALUE, "storage.kek").get(0);
	}

	/** A backup key as storage.backup.BackupKeys writes it: {@code <epoch>-<id>.key}, wrapped and bound to the id. */
	private Path backupKey(UUID id) throws Exception {
		Path folder = Files.createDirectories(DATA_DIR.resolve("keys/backups"));
		Path file = folder.resolve(Instant.now().getEpochSecond() + "-" + id + ".key");
		Files.write(file, wrapping.wrap(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), backupBinding(id)));
		return file;
	}

	private static byte[] backupBinding(UUID id) {
		return ("kinlink.backup-key:" + id).getBytes(StandardCharsets.UTF_8);
	}

	private static Path kekFile() {
		return DATA_DIR.resolve("keys/kek.json");
	}

	private static List<Path> retiredFiles() throws IOException {
		try (Stream<Path> files = Files.list(DATA_DIR.resolve("keys"))) {
			List<Path> found = new ArrayList<>(
					files.filter(f -> f.getFileName().toString().startsWith("kek-retired-")).sorted().toList());
			return found;
		}
	}

	private static KeysetHandle keyset(String json) throws GeneralSecurityException {
		return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
	}

	private static String base64(String json) {
		return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static PrintStream print(ByteArrayOutputStream out) {
		return new PrintStream(out, true, StandardCharsets.UTF_8);
	}

	private static Path tempFolder() {
		try {
			return Files.createTempDirectory("kinlink-rotation");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
