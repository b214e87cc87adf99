package org.kinlink.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from Maven Central binaries when no external database is configured, so that
 * one command runs Kinlink on a fresh machine. Data lives under the data directory and survives restarts;
 * tests ask for a throw-away cluster instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${kinlink.data-dir}") Path dataDir,
			@Value("${kinlink.embedded-database.ephemeral:false}") boolean ephemeral) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setServerConfig("max_connections", "60")
			.setLocaleConfig("locale", "C.UTF-8");
		if (!ephemeral) {
			Path pgData = dataDir.resolve("pgdata");
			Files.createDirectories(pgData);
			// The library starts PostgreSQL tuned for throw-away tests (-F, no synchronous commit). Real data must
			// survive a crash once a family holds its receipt: durability back on (later options win).
			builder.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
		}
		return builder.start();
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		return EmbeddedDataSources.pooled(postgres);
	}

}
