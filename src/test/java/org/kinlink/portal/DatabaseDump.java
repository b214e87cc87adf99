package org.kinlink.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every value of every text-like and binary column in every application table, as strings a canary can be
 * searched in: text as stored, bytea decoded as UTF-8, UTF-16 (both byte orders) and as Base64.
 */
public final class DatabaseDump {

	private final List<String> values = new ArrayList<>();

	private DatabaseDump() {
	}

	public static DatabaseDump of(JdbcClient jdbc) {
		DatabaseDump dump = new DatabaseDump();
		List<Map<String, Object>> columns = jdbc.sql("""
				select table_schema, table_name, column_name, data_type from information_schema.columns
				where table_schema not in ('pg_catalog', 'information_schema')
				  and data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')
				""").query().listOfRows();
		for (Map<String, Object> column : columns) {
			String table = "\"" + column.get("table_schema") + "\".\"" + column.get("table_name") + "\"";
			String name = "\"" + column.get("column_name") + "\"";
			if ("bytea".equals(column.get("data_type"))) {
				jdbc.sql("select " + name + " from " + table).query(byte[].class).list().forEach(dump::addBytes);
			}
			else {
				jdbc.sql("select " + name + "::text from " + table).query(String.class).list().forEach(dump::addText);
			}
		}
		return dump;
	}

	private void addText(String text) {
		if (text != null) {
			values.add(text);
		}
	}

	private void addBytes(byte[] bytes) {
		if (bytes != null) {
			values.add(new String(bytes, StandardCharsets.UTF_8));
			values.add(new String(bytes, StandardCharsets.UTF_16LE));
			values.add(new String(bytes, StandardCharsets.UTF_16BE));
			values.add(new String(bytes, StandardCharsets.ISO_8859_1));
		}
	}

	/** Whether the text appears anywhere, as is, or Base64-encoded (UTF-8 or UTF-16). */
	public boolean contains(String canary) {
		List<String> forms = List.of(canary, Base64.getEncoder().encodeToString(canary.getBytes(StandardCharsets.UTF_8)),
				Base64.getEncoder().encodeToString(canary.getBytes(StandardCharsets.UTF_16LE)));
		return values.stream().anyMatch(value -> forms.stream().anyMatch(value::contains));
	}

	public int size() {
		return values.size();
	}

}
