package org.kinlink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Kinlink starts on its embedded PostgreSQL and every module's migrations ran. */
@SpringBootTest
class ApplicationStartsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesEveryModuleSchema() {
		var schemas = jdbc.sql("select schema_name from information_schema.schemata").query(String.class).list();
		assertThat(schemas).contains("storage", "audit", "accounts");
	}

}
