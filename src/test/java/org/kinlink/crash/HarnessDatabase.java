package org.kinlink.crash;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The harness's own PostgreSQL (zonky): a fixed data directory that is never cleaned, durable settings, a fixed
 * port, so it can be stopped and started again under a running Kinlink.
 */
final class HarnessDatabase {

	private final Path data;

	private final int port;

	private EmbeddedPostgres postgres;

	HarnessDatabase(Path data, int port) {
		this.data = data;
		this.port = port;
	}

	void start() throws IOException {
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setPGStartupWait(java.time.Duration.ofSeconds(120))
			.setServerConfig("max_connections", "60")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setLocaleConfig("locale", "C.UTF-8")
			.start();
	}

	void stop() throws IOException {
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
	}

	DataSource dataSource() {
		return postgres.getPostgresDatabase();
	}

	int port() {
		return port;
	}

}
