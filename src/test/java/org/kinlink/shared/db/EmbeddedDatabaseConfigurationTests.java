package org.kinlink.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database of `spring-boot:run` keeps its data across restarts and writes it durably. */
class EmbeddedDatabaseConfigurationTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsDataAcrossRestartsWithFsyncAndSynchronousCommitOn() throws Exception {
		EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
		try (EmbeddedPostgres first = configuration.embeddedPostgres(dataDir, false)) {
			JdbcClient jdbc = JdbcClient.create(first.getPostgresDatabase());
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
			jdbc.sql("create table kept (v text)").update();
			jdbc.sql("insert into kept values ('still here')").update();
		}
		assertThat(Files.exists(dataDir.resolve("pgdata/PG_VERSION"))).isTrue();
		try (EmbeddedPostgres second = configuration.embeddedPostgres(dataDir, false)) {
			assertThat(JdbcClient.create(second.getPostgresDatabase()).sql("select v from kept").query(String.class).single())
				.isEqualTo("still here");
		}
	}

}
