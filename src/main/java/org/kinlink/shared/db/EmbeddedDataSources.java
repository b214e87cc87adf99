package org.kinlink.shared.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A connection pool in front of the embedded cluster, as an external database would have. */
final class EmbeddedDataSources {

	private EmbeddedDataSources() {
	}

	static DataSource pooled(EmbeddedPostgres postgres) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(10);
		config.setPoolName("kinlink-embedded");
		return new HikariDataSource(config);
	}

}
