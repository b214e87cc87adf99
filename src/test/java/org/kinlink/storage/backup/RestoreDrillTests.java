package org.kinlink.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinlink.KinlinkApplication;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseFiles;
import org.kinlink.cases.file.RestrictedField;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.shared.i18n.Languages;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.StoredBlob;
import org.kinlink.storage.Vault;
import org.kinlink.storage.blobs.BlobStore;
import org.kinlink.storage.keys.KeyWrapping;
import org.kinlink.translation.tasks.TaskFixtures;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TranslationDesk;
import org.kinlink.translation.tasks.TranslationTask;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The restore drill (S21): real letters, a file, a translation, a case and audit entries made through the
 * services; a backup; a restore into a second, empty database and blob folder; then Kinlink started on that
 * target opens the same content, and the audit chain verifies. Bad backups and targets are refused with a
 * clear message and nothing written. Backups, restores (in the restored chain) and pruning are audited (S17).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreDrillTests {

	private static final String KEK = newKek();

	private static final Path WORK = tempFolder();

	private static final String LETTER = "سلام مادر جان. حال ما خوب است و دلمان برای شما تنگ شده است.";

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("kinlink.kek", () -> KEK);
		registry.add("kinlink.backup.keys-dir", () -> WORK.resolve("backup-keys").toString());
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	Backups backups;

	@Autowired
	BackupCommand command;

	@Autowired
	FamilyMessages messages;

	@Autowired
	Blobs blobs;

	@Autowired
	Vault vault;

	@Autowired
	CaseFiles cases;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	DataSource dataSource;

	@Autowired
	BlobStore store;

	UUID messageId;

	UUID taskId;

	UUID blobId;

	UUID caseId;

	byte[] fileBytes;

	Path backup;

	@BeforeAll
	void makeDataAndBackUp() {
		TaskFixtures fixtures = TaskFixtures.from(context);
		messageId = fixtures.acceptedLetter(LETTER);
		TranslationTask task = fixtures.translated(messageId, TranslationTask.ALBANIAN, "tina.translator",
				List.of("Përshëndetje nënë e dashur.", "Ne jemi mirë dhe na merr malli për ju."));
		taskId = task.id();
		UUID letterKey = jdbc.sql("select key_id from messages.message where id = ?").param(messageId)
			.query(UUID.class).single();
		fileBytes = new byte[3 * 1024 * 1024 + 17];
		new java.util.Random(7).nextBytes(fileBytes);
		blobId = transactions.execute(status -> {
			try (BlobWriter writer = blobs.create(letterKey, "media.upload-part")) {
				writer.write(fileBytes);
				StoredBlob stored = writer.commit();
				return stored.id();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		CaseFile file = new CaseFile(UUID.randomUUID(), cases.nextReference(Year.now()), UUID.randomUUID(), vault.newKey(),
				"cora.caseworker", "team-drill", CaseFile.CaseState.OPEN, CaseFile.RiskLevel.HIGH, Set.of(), Instant.now(),
				null, null, null, 0);
		cases.insert(file);
		caseId = file.id();
		cases.writeSealed(caseId, RestrictedField.WHEREABOUTS,
				vault.sealText(file.keyId(), "Tirana, Rruga e Kavajës", "cases.whereabouts:" + caseId), 0);
		trail.record(AuditEvent.success("case.read", "case", caseId));
		messages.content(messageId);
		backup = WORK.resolve("drill.kinlink-backup");
		BackupResult made = backups.backup(backup);
		// figures for docs/operations.md (not asserted: timings depend on the machine)
		System.out.printf("restore drill backup: %d tables, %d rows, %d files, %d bytes, %d ms%n", made.tables(),
				made.rows(), made.blobs(), made.bytes(), made.millis());
	}

	@AfterAll
	void cleanUp() throws IOException {
		try (Stream<Path> files = Files.walk(WORK)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	@Test
	void restoresIntoAnEmptyDatabaseAndKinlinkOpensTheSameContentThere() throws Exception {
		Target target = newTarget("drill");

		BackupResult result = new Restorer(target.dataSource(), target.store(), backups.keys()).restore(backup, false);
		System.out.printf("restore drill restore: %d rows, %d files, %d ms%n", result.rows(), result.blobs(), result.millis());

		Properties manifest = manifest(backup);
		assertThat(result.rows()).isEqualTo(Long.parseLong(manifest.getProperty("rows.total")));
		assertThat(rowCounts(target.dataSource(), manifest)).isEqualTo(expectedCounts(manifest));
		assertThat(result.blobs()).isPositive();
		try (ConfigurableApplicationContext restored = start(target)) {
			var chain = restored.getBean(AuditTrail.class).verify();
			assertThat(chain.intact()).isTrue();
			assertThat((long) chain.checked()).isEqualTo(Long.parseLong(manifest.getProperty("rows.audit.entry")));
			assertThat(restored.getBean(FamilyMessages.class).content(messageId).letter().text()).isEqualTo(LETTER);
			try (InputStream in = restored.getBean(Blobs.class).open(blobId)) {
				assertThat(in.readAllBytes()).isEqualTo(fileBytes);
			}
			TaskSegment segment = restored.getBean(TranslationDesk.class)
				.open(taskId, TaskFixtures.translator("tina.translator")).segments().get(0);
			assertThat(segment.target()).startsWith("Përshëndetje nënë e dashur.");
			CaseFiles restoredCases = restored.getBean(CaseFiles.class);
			CaseFile file = restoredCases.find(caseId).orElseThrow();
			assertThat(restored.getBean(Vault.class).openText(file.keyId(),
					restoredCases.sealed(caseId, RestrictedField.WHEREABOUTS), "cases.whereabouts:" + caseId))
				.isEqualTo("Tirana, Rruga e Kavajës");
		}
	}

	@Test
	void refusesATargetThatHoldsDataUnlessForcedAndThenReplacesIt() throws Exception {
		Target target = newTarget("force");
		new Restorer(target.dataSource(), target.store(), backups.keys()).restore(backup, false);
		new JdbcTemplateLike(target.dataSource()).execute("delete from audit.chain_head");

		assertThatThrownBy(() -> new Restorer(target.dataSource(), target.store(), backups.keys()).restore(backup, false))
			.isInstanceOfSatisfying(BackupFailure.class, ex -> assertThat(ex.code()).isEqualTo("backup.error.not-empty"));
		assertThat(new JdbcTemplateLike(target.dataSource()).count("audit.chain_head")).isZero();

		new Restorer(target.dataSource(), target.store(), backups.keys()).restore(backup, true);

		Properties manifest = manifest(backup);
		assertThat(rowCounts(target.dataSource(), manifest)).isEqualTo(expectedCounts(manifest));
	}

	@Test
	void theRestoreIsRecordedInTheRestoredChainAndTheChainStillVerifies() throws Exception {
		Target target = newTarget("audited");
		UUID id = readId(backup);
		long restoredEntries = Long.parseLong(manifest(backup).getProperty("rows.audit.entry"));

		try (ConfigurableApplicationContext restoring = startForRestore(target)) {
			restoring.getBean(Backups.class).restore(backup, false);

			AuditTrail restoredTrail = restoring.getBean(AuditTrail.class);
			var chain = restoredTrail.verify();
			assertThat(chain.intact()).isTrue();
			assertThat(chain.checked()).isGreaterThan(restoredEntries);
			AuditEntry restored = entry(restoredTrail, "backup.restored", AuditEvent.Outcome.SUCCESS);
			assertThat(restored.recordId()).isEqualTo(id.toString());
			assertThat(restored.actor()).isEqualTo("system");
			assertThat(restored.detail()).contains("rows=").contains("files=").doesNotContain(backup.toString());
			assertThat(restoredTrail.latest(1, restored.sequence()).size()).isOne();
			assertThat(new JdbcTemplateLike(target.dataSource()).count("audit.entry")).isGreaterThan(restoredEntries);

			// a refused restore (the database is no longer empty) is recorded too, and the chain still verifies
			assertThatThrownBy(() -> restoring.getBean(Backups.class).restore(backup, false))
				.isInstanceOfSatisfying(BackupFailure.class, ex -> assertThat(ex.code()).isEqualTo("backup.error.not-empty"));
			AuditEntry refused = entry(restoredTrail, "backup.restored", AuditEvent.Outcome.FAILURE);
			assertThat(refused.detail()).contains("error=backup.error.not-empty").contains("file-sha256=");
			assertThat(refused.sequence()).isGreaterThan(restored.sequence());
			assertThat(restoredTrail.verify().intact()).isTrue();
		}
	}

	@Test
	void backupsAndPruningLeaveEntriesInTheTrailWithoutPersonalData() {
		AuditEntry made = entry(trail, "backup.made", AuditEvent.Outcome.SUCCESS);
		assertThat(trail.latest(200, Long.MAX_VALUE, "backup")).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("backup.made");
			assertThat(e.recordId()).isEqualTo(readId(backup).toString());
		});
		assertThat(made.actor()).isEqualTo("system");
		assertThat(made.detail()).contains("tables=").contains("file-sha256=").doesNotContain(WORK.toString());

		int exit = command.execute("prune-backups", "", false, print(new ByteArrayOutputStream()),
				print(new ByteArrayOutputStream()));

		assertThat(exit).isZero();
		AuditEntry pruned = entry(trail, "backup.pruned", AuditEvent.Outcome.SUCCESS);
		assertThat(pruned.detail()).contains("shredded=0").contains("keep-days=30");
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void theCommandRefusesTheLiveDatabaseInTheOperatorsLanguageWithoutAStackTrace() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		long letters = jdbc.sql("select count(*) from messages.message").query(Long.class).single();

		int exit = command.execute("restore", backup.toString(), false, print(out), print(err));

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("already holds Kinlink data")
			.doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(jdbc.sql("select count(*) from messages.message").query(Long.class).single()).isEqualTo(letters);
		assertThat(entry(trail, "backup.restored", AuditEvent.Outcome.FAILURE).detail())
			.contains("error=backup.error.not-empty");
		assertThat(command.describe(BackupFailure.of("backup.error.damaged"), Languages.PERSIAN)).contains("پشتیبان");
		assertThat(command.describe(BackupFailure.of("backup.error.damaged"), Languages.ALBANIAN)).contains("Kopja");
	}

	@Test
	void aTruncatedBackupIsRefusedAndNothingIsWritten() throws Exception {
		Path truncated = WORK.resolve("truncated.kinlink-backup");
		byte[] whole = Files.readAllBytes(backup);
		Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 1000));

		assertRefusedWithNothingWritten(truncated, "backup.error.damaged");
	}

	@Test
	void aFlippedByteIsRefusedAndNothingIsWritten() throws Exception {
		Path flipped = WORK.resolve("flipped.kinlink-backup");
		byte[] bytes = Files.readAllBytes(backup);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(flipped, bytes);

		assertRefusedWithNothingWritten(flipped, "backup.error.damaged");
	}

	@Test
	void aBackupUnderAnotherKeyIsRefused() throws Exception {
		Path copy = WORK.resolve("other-key.kinlink-backup");
		Files.copy(backup, copy);
		UUID id = readId(copy);
		Path keysFolder = WORK.resolve("other-keys");
		BackupKeys otherKeys = new BackupKeys(keysFolder, context.getBean(KeyWrapping.class));
		otherKeys.store(id, Instant.now(), Archive.newKey());
		Target target = newTarget("otherkey");

		assertThatThrownBy(() -> new Restorer(target.dataSource(), target.store(), otherKeys).restore(copy, false))
			.isInstanceOfSatisfying(BackupFailure.class, ex -> assertThat(ex.code()).isEqualTo("backup.error.damaged"));
		assertNothingWritten(target);
	}

	@Test
	void aBackupWhoseKeyWasPrunedCanNoLongerBeRead() throws Exception {
		BackupKeys keys = new BackupKeys(WORK.resolve("prune-keys"), context.getBean(KeyWrapping.class));
		Path old = WORK.resolve("old.kinlink-backup");
		new BackupMaker(dataSource, store, keys, java.time.Clock.systemUTC()).write(old);
		UUID id = readId(old);
		Path keyFile = keys.files().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().path();

		assertThat(keys.prune(Instant.now().plus(Duration.ofDays(29)), Duration.ofDays(30))).isZero();
		int shredded = keys.prune(Instant.now().plus(Duration.ofDays(31)), Duration.ofDays(30));

		assertThat(shredded).isEqualTo(1);
		assertThat(keyFile).doesNotExist();
		Target target = newTarget("pruned");
		assertThatThrownBy(() -> new Restorer(target.dataSource(), target.store(), keys).restore(old, false))
			.isInstanceOfSatisfying(BackupFailure.class, ex -> assertThat(ex.code()).isEqualTo("backup.error.key-gone"));
		assertNothingWritten(target);
	}

	@Test
	void aBackupFromANewerSchemaIsRefused() throws Exception {
		Target newer = newTarget("newer");
		new Restorer(newer.dataSource(), newer.store(), backups.keys()).restore(backup, false);
		new JdbcTemplateLike(newer.dataSource()).execute("""
				insert into public.flyway_schema_history_storage (installed_rank, version, description, type, script,
				installed_by, execution_time, success) values (999, '999', 'from the future', 'SQL', 'V999__x.sql',
				'test', 0, true)""");
		Path future = WORK.resolve("future.kinlink-backup");
		new BackupMaker(newer.dataSource(), newer.store(), backups.keys(), java.time.Clock.systemUTC()).write(future);
		Target target = newTarget("older");

		assertThatThrownBy(() -> new Restorer(target.dataSource(), target.store(), backups.keys()).restore(future, false))
			.isInstanceOfSatisfying(BackupFailure.class, ex -> {
				assertThat(ex.code()).isEqualTo("backup.error.newer");
				assertThat(ex.arguments()).containsExactly("storage", "999");
			});
		assertNothingWritten(target);
	}

	@Test
	void aBackupNeverOverwritesAFile() throws IOException {
		Path existing = Files.writeString(WORK.resolve("existing"), "x");

		assertThatThrownBy(() -> backups.backup(existing))
			.isInstanceOfSatisfying(BackupFailure.class, ex -> assertThat(ex.code()).isEqualTo("backup.error.exists"));
		assertThat(Files.readString(existing)).isEqualTo("x");
	}

	@Test
	void theFirstArgumentsBecomeTheCommand() {
		assertThat(KinlinkApplication.maintenanceArguments("backup", "/tmp/a.bak"))
			.contains("--kinlink.command=backup", "--kinlink.backup.file=/tmp/a.bak");
		assertThat(KinlinkApplication.maintenanceArguments("restore", "/tmp/a.bak", "--force"))
			.contains("--kinlink.command=restore", "--kinlink.backup.file=/tmp/a.bak", "--kinlink.backup.force=true",
					"--spring.flyway.enabled=false");
	}

	private void assertRefusedWithNothingWritten(Path file, String code) throws Exception {
		Target target = newTarget("bad" + Math.abs(file.hashCode()));
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		assertThatThrownBy(() -> new Restorer(target.dataSource(), target.store(), backups.keys()).restore(file, false))
			.isInstanceOfSatisfying(BackupFailure.class, ex -> assertThat(ex.code()).isEqualTo(code));
		int exit = command.execute("restore", file.toString(), false, print(new ByteArrayOutputStream()), print(err));

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Nothing was restored").doesNotContain("\tat ");
		assertNothingWritten(target);
	}

	private static void assertNothingWritten(Target target) throws Exception {
		assertThat(new JdbcTemplateLike(target.dataSource()).schemas()).isZero();
		assertThat(target.folder()).doesNotExist();
	}

	private ConfigurableApplicationContext start(Target target) {
		// command-line arguments: they outrank application.properties (kinlink.kek=${KINLINK_KEK:} there)
		return new SpringApplicationBuilder(KinlinkApplication.class).profiles("test")
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + target.url(), "--kinlink.kek=" + KEK,
					"--kinlink.storage.local-folder=" + target.folder(), "--kinlink.media.jobs.enabled=false",
					"--kinlink.backup.keys-dir=" + WORK.resolve("backup-keys"), "--management.health.mail.enabled=false");
	}

	/** Kinlink as the restore command starts it (no migrations, no jobs), on an empty target, without the runner. */
	private ConfigurableApplicationContext startForRestore(Target target) {
		List<String> arguments = new java.util.ArrayList<>(List.of(KinlinkApplication.maintenanceArguments("restore")));
		arguments.remove("--kinlink.command=restore");
		arguments.addAll(List.of("--spring.datasource.url=" + target.url(), "--kinlink.kek=" + KEK,
				"--kinlink.storage.local-folder=" + target.folder(),
				"--kinlink.backup.keys-dir=" + WORK.resolve("backup-keys"), "--management.health.mail.enabled=false",
				"--spring.modulith.events.republish-outstanding-events-on-restart=false"));
		return new SpringApplicationBuilder(KinlinkApplication.class).profiles("test")
			.web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
	}

	/** The newest entry of the backup commands with this action and outcome. */
	private static AuditEntry entry(AuditTrail trail, String action, AuditEvent.Outcome outcome) {
		return trail.latest(200, Long.MAX_VALUE, "backup")
			.stream()
			.filter(e -> e.action().equals(action) && e.outcome() == outcome)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + action + " " + outcome + " in the trail"));
	}

	private Target newTarget(String name) throws Exception {
		String database = "restore_" + name;
		try (var connection = postgres.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create database " + database);
		}
		String url = postgres.getJdbcUrl("postgres", database);
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		Path folder = WORK.resolve("blobs-" + name);
		return new Target(url, dataSource, folder, BlobStore.localFolder(folder));
	}

	private static Map<String, Long> rowCounts(DataSource dataSource, Properties manifest) throws Exception {
		Map<String, Long> counts = new TreeMap<>();
		JdbcTemplateLike jdbc = new JdbcTemplateLike(dataSource);
		for (String table : manifest.getProperty("tables").split(",")) {
			counts.put(table, jdbc.count(table));
		}
		return counts;
	}

	private static Map<String, Long> expectedCounts(Properties manifest) {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : manifest.getProperty("tables").split(",")) {
			counts.put(table, Long.parseLong(manifest.getProperty("rows." + table)));
		}
		return counts;
	}

	private Properties manifest(Path file) {
		return Restorer.verify(file, readId(file), backups.keys().find(readId(file)));
	}

	private static UUID readId(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return Archive.readHeader(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PrintStream print(ByteArrayOutputStream out) {
		return new PrintStream(out, true, StandardCharsets.UTF_8);
	}

	private static String newKek() {
		try {
			AeadConfig.register();
			KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
			return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path tempFolder() {
		try {
			return Files.createTempDirectory("kinlink-restore-drill");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Target(String url, DataSource dataSource, Path folder, BlobStore store) {
	}

	/** Plain JDBC on a target database. */
	record JdbcTemplateLike(DataSource dataSource) {

		void execute(String sql) throws Exception {
			try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

		long count(String table) throws Exception {
			try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
					var rs = statement.executeQuery("select count(*) from " + Catalog.quoted(table))) {
				rs.next();
				return rs.getLong(1);
			}
		}

		long schemas() throws Exception {
			try (var connection = dataSource.getConnection()) {
				return Catalog.schemas(connection).size() + Catalog.historyTables(connection).size();
			}
		}

	}

}
