package org.kinlink.storage.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import com.google.crypto.tink.KeysetHandle;
import org.kinlink.storage.blobs.BlobStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes one backup: every module table through COPY (binary) inside one repeatable-read snapshot, then the
 * blob objects that snapshot names, then the manifest; encrypted under a new key, written under a temporary
 * name, forced to disk and renamed into place, so a backup file is either whole or absent.
 */
final class BackupMaker {

	private final DataSource dataSource;

	private final BlobStore store;

	private final BackupKeys keys;

	private final Clock clock;

	BackupMaker(DataSource dataSource, BlobStore store, BackupKeys keys, Clock clock) {
		this.dataSource = dataSource;
		this.store = store;
		this.keys = keys;
		this.clock = clock;
	}

	BackupResult write(Path target) {
		long started = System.nanoTime();
		Path file = target.toAbsolutePath().normalize();
		if (Files.exists(file)) {
			throw BackupFailure.of("backup.error.exists", file.toString());
		}
		Path folder = file.getParent();
		if (folder == null || !Files.isDirectory(folder)) {
			throw BackupFailure.of("backup.error.no-folder", String.valueOf(folder));
		}
		UUID id = UUID.randomUUID();
		Instant created = clock.instant();
		KeysetHandle key;
		try {
			key = Archive.newKey();
		}
		catch (GeneralSecurityException ex) {
			throw new BackupFailure("backup.error.key", ex);
		}
		Path keyFile = keys.store(id, created, key);
		Path partial = folder.resolve("." + file.getFileName() + "." + id + ".partial");
		boolean done = false;
		try {
			Properties manifest;
			try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
				try (ZipOutputStream zip = new ZipOutputStream(
						Archive.encrypting(key, Streams.keepOpen(buffered), id))) {
					manifest = writeParts(zip, id, created);
				}
				buffered.flush();
				channel.force(true);
			}
			Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
			done = true;
			return new BackupResult(id, created, file, Integer.parseInt(manifest.getProperty("tables.count")),
					Long.parseLong(manifest.getProperty("rows.total")), Integer.parseInt(manifest.getProperty("blobs")),
					Integer.parseInt(manifest.getProperty("blobs.missing")), Files.size(file),
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException ex) {
			throw new BackupFailure("backup.error.write", ex, file.toString());
		}
		catch (SQLException ex) {
			throw new BackupFailure("backup.error.database", ex, ex.getSQLState());
		}
		catch (GeneralSecurityException ex) {
			throw new BackupFailure("backup.error.key", ex);
		}
		finally {
			if (!done) {
				deleteQuietly(partial);
				BackupKeys.shred(keyFile);
			}
		}
	}

	private Properties writeParts(ZipOutputStream zip, UUID id, Instant created) throws SQLException, IOException {
		Properties manifest = new Properties();
		manifest.setProperty("format", String.valueOf(Archive.FORMAT));
		manifest.setProperty("id", id.toString());
		manifest.setProperty("created", created.toString());
		try (Connection connection = dataSource.getConnection()) {
			connection.setReadOnly(true);
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try {
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				for (Map.Entry<String, List<String>> module : Catalog.schemaVersions(connection).entrySet()) {
					manifest.setProperty("schema." + module.getKey(), String.join(",", module.getValue()));
				}
				List<String> tables = Catalog.tablesInDependencyOrder(connection);
				manifest.setProperty("tables", String.join(",", tables));
				manifest.setProperty("tables.count", String.valueOf(tables.size()));
				zip.setLevel(Deflater.BEST_SPEED);
				long total = 0;
				for (String table : tables) {
					List<String> columns = Catalog.columns(connection, table);
					manifest.setProperty("columns." + table, String.join(",", columns));
					String part = Archive.DB + table;
					zip.putNextEntry(new ZipEntry(part));
					MessageDigest digest = Archive.sha256();
					long rows = copy.copyOut("copy " + Catalog.quoted(table) + " (" + String.join(", ", columns)
							+ ") to stdout (format binary)", new DigestOutputStream(Streams.keepOpen(zip), digest));
					zip.closeEntry();
					manifest.setProperty("rows." + table, String.valueOf(rows));
					manifest.setProperty("part." + part, Archive.hex(digest));
					total += rows;
				}
				manifest.setProperty("rows.total", String.valueOf(total));
				Catalog.sequences(connection).forEach((name, value) -> manifest.setProperty("sequence." + name, value));
				writeBlobs(zip, connection, tables, manifest);
			}
			finally {
				connection.rollback();
			}
		}
		zip.setLevel(Deflater.BEST_SPEED);
		zip.putNextEntry(new ZipEntry(Archive.MANIFEST));
		OutputStreamWriter writer = new OutputStreamWriter(Streams.keepOpen(zip), StandardCharsets.UTF_8);
		manifest.store(writer, "Kinlink backup");
		writer.flush();
		zip.closeEntry();
		return manifest;
	}

	/** The objects of the snapshot's blob rows; an object missing from the store is counted, not fatal. */
	private void writeBlobs(ZipOutputStream zip, Connection connection, List<String> tables, Properties manifest)
			throws SQLException, IOException {
		List<String> names = new ArrayList<>();
		if (tables.contains("storage.blob")) {
			try (Statement st = connection.createStatement();
					ResultSet rs = st.executeQuery("select object_name from storage.blob order by object_name")) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
		}
		// Ciphertext does not compress: stored at level 0 so a large video costs no CPU.
		zip.setLevel(Deflater.NO_COMPRESSION);
		int written = 0;
		int missing = 0;
		for (String name : names) {
			InputStream in;
			try {
				in = store.read(name);
			}
			catch (NoSuchFileException ex) {
				missing++;
				continue;
			}
			try (in) {
				String part = Archive.BLOBS + name;
				zip.putNextEntry(new ZipEntry(part));
				MessageDigest digest = Archive.sha256();
				in.transferTo(new DigestOutputStream(Streams.keepOpen(zip), digest));
				zip.closeEntry();
				manifest.setProperty("part." + part, Archive.hex(digest));
				written++;
			}
		}
		manifest.setProperty("blobs", String.valueOf(written));
		manifest.setProperty("blobs.missing", String.valueOf(missing));
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a leftover .partial holds only ciphertext under a shredded key
		}
	}

}
