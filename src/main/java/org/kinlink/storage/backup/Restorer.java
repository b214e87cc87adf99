package org.kinlink.storage.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import com.google.crypto.tink.KeysetHandle;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.kinlink.storage.blobs.BlobStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Restores a backup into an empty database and blob store. First the whole file is decrypted and every part
 * checked against the manifest without writing anything; then each module's migrations run up to the
 * backup's versions (no further), the rows go in through COPY in one transaction, the sequences are set, and
 * the blob objects are written. Migrations newer than the backup run at the next normal start.
 */
final class Restorer {

	private final DataSource dataSource;

	private final BlobStore store;

	private final BackupKeys keys;

	Restorer(DataSource dataSource, BlobStore store, BackupKeys keys) {
		this.dataSource = dataSource;
		this.store = store;
		this.keys = keys;
	}

	/** Restores {@code file}; with {@code force} a database that holds Kinlink schemas is emptied first. */
	BackupResult restore(Path source, boolean force) {
		long started = System.nanoTime();
		Path file = source.toAbsolutePath().normalize();
		if (!Files.isRegularFile(file)) {
			throw BackupFailure.of("backup.error.no-file", file.toString());
		}
		UUID id;
		try (InputStream in = Files.newInputStream(file)) {
			id = Archive.readHeader(in);
		}
		catch (IOException ex) {
			throw new BackupFailure("backup.error.read", ex, file.toString());
		}
		KeysetHandle key = keys.find(id);
		Properties manifest = verify(file, id, key);
		Map<String, List<String>> versions = versions(manifest);
		checkNotNewer(versions);
		prepareTarget(force, manifest);
		try {
			migrate(versions);
			long rows = load(file, id, key, manifest);
			return new BackupResult(id, Instant.parse(manifest.getProperty("created")), file,
					Integer.parseInt(manifest.getProperty("tables.count")), rows,
					Integer.parseInt(manifest.getProperty("blobs")), Integer.parseInt(manifest.getProperty("blobs.missing")),
					Files.size(file), (System.nanoTime() - started) / 1_000_000);
		}
		catch (BackupFailure ex) {
			throw new BackupFailure("backup.error.partial", ex, ex.code());
		}
		catch (IOException | SQLException | GeneralSecurityException | RuntimeException ex) {
			throw new BackupFailure("backup.error.partial", ex, ex.getClass().getSimpleName());
		}
	}

	/** Pass one: decrypts everything and compares every part's SHA-256 with the manifest; writes nothing. */
	static Properties verify(Path file, UUID id, KeysetHandle key) {
		Map<String, String> hashes = new LinkedHashMap<>();
		Properties manifest = null;
		try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			Archive.readHeader(raw);
			try (ZipInputStream zip = new ZipInputStream(Archive.decrypting(key, raw, id))) {
				byte[] buffer = new byte[1 << 16];
				for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
					if (Archive.MANIFEST.equals(entry.getName())) {
						manifest = new Properties();
						manifest.load(new InputStreamReader(Streams.keepOpen(zip), StandardCharsets.UTF_8));
						continue;
					}
					MessageDigest digest = Archive.sha256();
					for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
						digest.update(buffer, 0, n);
					}
					hashes.put(entry.getName(), Archive.hex(digest));
				}
			}
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new BackupFailure("backup.error.damaged", ex);
		}
		if (manifest == null || !id.toString().equals(manifest.getProperty("id"))) {
			throw BackupFailure.of("backup.error.damaged");
		}
		long listed = manifest.stringPropertyNames().stream().filter(name -> name.startsWith("part.")).count();
		for (Map.Entry<String, String> part : hashes.entrySet()) {
			if (!part.getValue().equals(manifest.getProperty("part." + part.getKey()))) {
				throw BackupFailure.of("backup.error.damaged");
			}
		}
		if (listed != hashes.size()) {
			throw BackupFailure.of("backup.error.damaged");
		}
		return manifest;
	}

	private static Map<String, List<String>> versions(Properties manifest) {
		Map<String, List<String>> versions = new TreeMap<>();
		for (String name : manifest.stringPropertyNames()) {
			if (name.startsWith("schema.")) {
				versions.put(name.substring("schema.".length()), List.of(manifest.getProperty(name).split(",")));
			}
		}
		return versions;
	}

	/** Refuses a backup whose schema this Kinlink does not know (made by a newer version). */
	private void checkNotNewer(Map<String, List<String>> versions) {
		for (Map.Entry<String, List<String>> module : versions.entrySet()) {
			Set<String> known = new HashSet<>();
			for (MigrationInfo info : flyway(module.getKey(), null).info().all()) {
				if (info.getVersion() != null) {
					known.add(info.getVersion().getVersion());
				}
			}
			for (String version : module.getValue()) {
				if (!known.contains(version)) {
					throw BackupFailure.of("backup.error.newer", module.getKey(), version);
				}
			}
		}
	}

	/** An empty database goes ahead; one with Kinlink schemas only with force, and is then emptied. */
	private void prepareTarget(boolean force, Properties manifest) {
		try (Connection connection = dataSource.getConnection()) {
			List<String> schemas = Catalog.schemas(connection);
			List<String> histories = Catalog.historyTables(connection);
			if (schemas.isEmpty() && histories.isEmpty()) {
				return;
			}
			if (!force) {
				throw BackupFailure.of("backup.error.not-empty", String.join(", ", schemas));
			}
			try (Statement st = connection.createStatement()) {
				for (String schema : schemas) {
					st.execute("drop schema " + Catalog.quote(schema) + " cascade");
				}
				for (String history : histories) {
					st.execute("drop table public." + Catalog.quote(history));
				}
				// Unfinished events and sessions of the database's earlier life would point at rows that are gone.
				for (String table : publicTables(connection)) {
					st.execute("delete from public." + Catalog.quote(table));
				}
			}
		}
		catch (SQLException ex) {
			throw new BackupFailure("backup.error.database", ex, ex.getSQLState());
		}
	}

	private static List<String> publicTables(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery("""
						select table_name from information_schema.tables where table_schema = 'public'
						and table_type = 'BASE TABLE'
						and (table_name like 'event\\_publication%' or table_name like 'spring\\_session%')""")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

	private void migrate(Map<String, List<String>> versions) throws SQLException {
		for (Map.Entry<String, List<String>> module : versions.entrySet()) {
			String last = Collections.max(module.getValue(),
					(a, b) -> MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b)));
			flyway(module.getKey(), last).migrate();
		}
		// Read back as the backup read them (baselines left out): the same set of versions, module by module.
		Map<String, List<String>> applied;
		try (Connection connection = dataSource.getConnection()) {
			applied = Catalog.schemaVersions(connection);
		}
		for (Map.Entry<String, List<String>> module : versions.entrySet()) {
			if (!new HashSet<>(module.getValue()).equals(new HashSet<>(applied.getOrDefault(module.getKey(), List.of())))) {
				throw BackupFailure.of("backup.error.history", module.getKey());
			}
		}
	}

	/** Spring Modulith's layout: one folder and one history table per module. */
	private Flyway flyway(String module, String target) {
		var configuration = Flyway.configure(Restorer.class.getClassLoader())
			.dataSource(dataSource)
			.locations("classpath:db/migration/" + module)
			.table(Catalog.HISTORY + module)
			.baselineVersion("0")
			.baselineOnMigrate(true);
		if (target != null) {
			configuration.target(target);
		}
		return configuration.load();
	}

	/** Pass two: rows in one transaction (committed before the first blob), then the blob objects. */
	private long load(Path file, UUID id, KeysetHandle key, Properties manifest)
			throws IOException, SQLException, GeneralSecurityException {
		List<String> tables = Arrays.asList(manifest.getProperty("tables").split(","));
		long total = 0;
		try (Connection connection = dataSource.getConnection();
				InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			connection.setAutoCommit(false);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			// Rows the migrations seeded (templates, the audit chain's head) make way for the backup's own.
			List<String> reversed = new ArrayList<>(tables);
			Collections.reverse(reversed);
			try (Statement st = connection.createStatement()) {
				for (String table : reversed) {
					if (Catalog.hasRows(connection, table)) {
						st.execute("delete from " + Catalog.quoted(table));
					}
				}
			}
			Archive.readHeader(raw);
			boolean committed = false;
			try (ZipInputStream zip = new ZipInputStream(Archive.decrypting(key, raw, id))) {
				for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
					String name = entry.getName();
					if (name.startsWith(Archive.DB)) {
						String table = name.substring(Archive.DB.length());
						if (!tables.contains(table)) {
							throw BackupFailure.of("backup.error.damaged");
						}
						long rows = copy.copyIn("copy " + Catalog.quoted(table) + " ("
								+ manifest.getProperty("columns." + table).replace(",", ", ") + ") from stdin (format binary)",
								Streams.keepOpen(zip));
						if (rows != Long.parseLong(manifest.getProperty("rows." + table))) {
							throw BackupFailure.of("backup.error.damaged");
						}
						total += rows;
					}
					else if (name.startsWith(Archive.BLOBS)) {
						if (!committed) {
							finishDatabase(connection, manifest);
							committed = true;
						}
						writeBlob(name.substring(Archive.BLOBS.length()), zip, manifest.getProperty("part." + name));
					}
				}
			}
			if (!committed) {
				finishDatabase(connection, manifest);
			}
		}
		return total;
	}

	private static void finishDatabase(Connection connection, Properties manifest) throws SQLException {
		try (PreparedStatement st = connection.prepareStatement("select setval(?::regclass, ?, true)")) {
			for (String name : manifest.stringPropertyNames()) {
				String value = manifest.getProperty(name);
				if (name.startsWith("sequence.") && !value.isEmpty()) {
					st.setString(1, Catalog.quoted(name.substring("sequence.".length())));
					st.setLong(2, Long.parseLong(value));
					st.execute();
				}
			}
		}
		connection.commit();
	}

	private void writeBlob(String name, InputStream zip, String sha256) throws IOException {
		BlobStore.checkName(name);
		MessageDigest digest = Archive.sha256();
		try (BlobStore.PendingObject object = store.create(name)) {
			new DigestInputStream(Streams.keepOpen(zip), digest).transferTo(object.stream());
			if (!Archive.hex(digest).equals(sha256)) {
				throw BackupFailure.of("backup.error.damaged");
			}
			object.publish();
		}
	}

}
