package org.kinlink.storage.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What PostgreSQL says about Kinlink's data: the module schemas' tables in an order where every table comes
 * after the tables it references, their columns, the sequences and each module's Flyway history (Spring
 * Modulith keeps one per module, {@code public.flyway_schema_history_<module>}).
 */
final class Catalog {

	static final String HISTORY = "flyway_schema_history_";

	private Catalog() {
	}

	/** Tables of every schema but public and the system ones, referenced tables first. */
	static List<String> tablesInDependencyOrder(Connection connection) throws SQLException {
		Map<Long, String> tables = new LinkedHashMap<>();
		try (Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery("""
						select c.oid, n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
						where c.relkind = 'r' and n.nspname not in ('public', 'information_schema')
						and n.nspname not like 'pg\\_%' order by n.nspname, c.relname""")) {
			while (rs.next()) {
				tables.put(rs.getLong(1), rs.getString(2) + "." + rs.getString(3));
			}
		}
		Map<Long, Set<Long>> parents = new HashMap<>();
		try (Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery("select conrelid, confrelid from pg_constraint where contype = 'f'")) {
			while (rs.next()) {
				long child = rs.getLong(1);
				long parent = rs.getLong(2);
				if (child != parent && tables.containsKey(child) && tables.containsKey(parent)) {
					parents.computeIfAbsent(child, k -> new HashSet<>()).add(parent);
				}
			}
		}
		List<String> ordered = new ArrayList<>();
		Set<Long> placed = new HashSet<>();
		boolean progress = true;
		while (placed.size() < tables.size() && progress) {
			progress = false;
			for (Map.Entry<Long, String> table : tables.entrySet()) {
				if (!placed.contains(table.getKey())
						&& placed.containsAll(parents.getOrDefault(table.getKey(), Set.of()))) {
					placed.add(table.getKey());
					ordered.add(table.getValue());
					progress = true;
				}
			}
		}
		// A cycle of references (none today) is loaded in name order: COPY checks each statement's rows at its end.
		tables.forEach((oid, name) -> {
			if (!placed.contains(oid)) {
				ordered.add(name);
			}
		});
		return ordered;
	}

	/** The columns COPY writes and reads (generated columns are computed again). */
	static List<String> columns(Connection connection, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement st = connection.prepareStatement("""
				select attname from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped
				and attgenerated = '' order by attnum""")) {
			st.setString(1, quoted(table));
			try (ResultSet rs = st.executeQuery()) {
				while (rs.next()) {
					columns.add(quote(rs.getString(1)));
				}
			}
		}
		return columns;
	}

	/** Each module's applied migration versions, in the order they were applied. */
	static Map<String, List<String>> schemaVersions(Connection connection) throws SQLException {
		Map<String, List<String>> versions = new TreeMap<>();
		for (String history : historyTables(connection)) {
			List<String> applied = new ArrayList<>();
			try (Statement st = connection.createStatement();
					ResultSet rs = st.executeQuery("select version from public." + quote(history)
							+ " where success and version is not null and type <> 'BASELINE' order by installed_rank")) {
				while (rs.next()) {
					applied.add(rs.getString(1));
				}
			}
			if (!applied.isEmpty()) {
				versions.put(history.substring(HISTORY.length()), applied);
			}
		}
		return versions;
	}

	static List<String> historyTables(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery("""
						select table_name from information_schema.tables where table_schema = 'public'
						and table_name like 'flyway\\_schema\\_history\\_%' order by table_name""")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

	/** Schemas other than public and the system ones. */
	static List<String> schemas(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery("""
						select nspname from pg_namespace where nspname not in ('public', 'information_schema')
						and nspname not like 'pg\\_%' order by nspname""")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

	/** Sequences of the module schemas with their last value ("" when never used). */
	static Map<String, String> sequences(Connection connection) throws SQLException {
		Map<String, String> values = new TreeMap<>();
		try (Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery("""
						select schemaname, sequencename, last_value from pg_sequences
						where schemaname not in ('public', 'information_schema') order by 1, 2""")) {
			while (rs.next()) {
				String last = rs.getString(3);
				values.put(rs.getString(1) + "." + rs.getString(2), last == null ? "" : last);
			}
		}
		return values;
	}

	static boolean hasRows(Connection connection, String table) throws SQLException {
		try (Statement st = connection.createStatement();
				ResultSet rs = st.executeQuery("select exists (select 1 from " + quoted(table) + ")")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	/** schema.name as a quoted identifier pair. */
	static String quoted(String qualified) {
		int dot = qualified.indexOf('.');
		return quote(qualified.substring(0, dot)) + "." + quote(qualified.substring(dot + 1));
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
