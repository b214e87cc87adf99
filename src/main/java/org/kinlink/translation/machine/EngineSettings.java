package org.kinlink.translation.machine;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.storage.Vault;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's engines, one per language pair, off until enabled: protocol, name shown with its
 * suggestions, base URL, model, time-out, and the API key sealed under a key of its own, never shown again.
 * An engine is enabled only for the host the administrator confirmed. Every change is audited.
 */
@Component
class EngineSettings {

	static final String RECORD = "machine_engine";

	private static final String KEY_CONTEXT = "translation.machine.api-key:";

	private static final String COLUMNS = "pair, kind, name, base_url, model, timeout_ms, enabled, confirmed_host, "
			+ "sealed_api_key is not null as has_key, version";

	private final JdbcClient jdbc;

	private final Vault vault;

	private final AuditTrail audit;

	private final Clock clock;

	EngineSettings(JdbcClient jdbc, Vault vault, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.audit = audit;
		this.clock = clock;
	}

	/** An engine as stored, without its key (only whether there is one). */
	record Engine(LanguagePair pair, EngineKind kind, String name, String baseUrl, String model, Duration timeout,
			boolean enabled, String confirmedHost, boolean hasKey, int version) {

		/** Whether text may go to it: enabled, and still pointing at the host the administrator confirmed. */
		public boolean usable() {
			return enabled && confirmedHost != null && confirmedHost.equals(host(baseUrl));
		}

		public String host() {
			return host(baseUrl);
		}

		static String host(String url) {
			try {
				String host = URI.create(url.strip()).getHost();
				return host == null ? null : host.toLowerCase(java.util.Locale.ROOT);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

	/** What the administrator saves. A blank key keeps the stored one unless {@code clearKey}. */
	record Change(EngineKind kind, String name, String baseUrl, String model, Duration timeout, boolean enabled,
			String confirmedHost, String apiKey, boolean clearKey, int version) {
	}

	List<Engine> all() {
		return jdbc.sql("select " + COLUMNS + " from translation.machine_engine order by pair").query(EngineSettings::engine).list();
	}

	Optional<Engine> find(LanguagePair pair) {
		return jdbc.sql("select " + COLUMNS + " from translation.machine_engine where pair = ?").param(pair.code())
			.query(EngineSettings::engine)
			.optional();
	}

	/** The engine text of this pair may go to, if an administrator enabled one. */
	Optional<Engine> usable(String source, String target) {
		return LanguagePair.of(source, target).flatMap(this::find).filter(Engine::usable);
	}

	/** The API key in clear, for the request only. */
	Optional<String> apiKey(LanguagePair pair) {
		return jdbc.sql("select key_id, sealed_api_key from translation.machine_engine where pair = ? and sealed_api_key is not null")
			.param(pair.code())
			.query((rs, n) -> vault.openText(rs.getObject("key_id", UUID.class), rs.getBytes("sealed_api_key"),
					KEY_CONTEXT + pair.code()))
			.optional();
	}

	/**
	 * Saves the engine of a pair; the version must be the one the page showed (else
	 * {@link OptimisticLockingFailureException}). The caller checked the host confirmation.
	 */
	@Transactional
	void save(LanguagePair pair, Change change) {
		Timestamp now = Timestamp.from(clock.instant());
		Optional<Engine> before = find(pair);
		int current = before.map(Engine::version).orElse(0);
		if (current != change.version()) {
			throw new OptimisticLockingFailureException("machine engine changed");
		}
		String host = Engine.host(change.baseUrl());
		boolean confirmedBefore = before.filter(Engine::usable).map(Engine::host).filter(h -> h.equals(host)).isPresent();
		if (change.enabled() && !confirmedBefore && (host == null || !host.equalsIgnoreCase(String.valueOf(change.confirmedHost()).strip()))) {
			throw new IllegalStateException("an engine is enabled only for the host the administrator confirmed");
		}
		String confirmed = change.enabled() ? host : before.map(Engine::confirmedHost).orElse(null);
		if (before.isEmpty()) {
			jdbc.sql("""
					insert into translation.machine_engine (pair, kind, name, base_url, model, timeout_ms, enabled,
					confirmed_host, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
				.params(pair.code(), change.kind().name(), change.name(), change.baseUrl(), change.model(),
						(int) change.timeout().toMillis(), change.enabled(), confirmed, now)
				.update();
		}
		else {
			int updated = jdbc.sql("""
					update translation.machine_engine set kind = ?, name = ?, base_url = ?, model = ?, timeout_ms = ?,
					enabled = ?, confirmed_host = ?, updated_at = ?, version = version + 1 where pair = ? and version = ?""")
				.params(change.kind().name(), change.name(), change.baseUrl(), change.model(),
						(int) change.timeout().toMillis(), change.enabled(), confirmed, now, pair.code(), change.version())
				.update();
			if (updated == 0) {
				throw new OptimisticLockingFailureException("machine engine changed");
			}
		}
		String keyChange = storeKey(pair, change);
		audit.record(AuditEvent.success("translation.machine.engine.update", RECORD, pair.code())
			.withDetail((change.enabled() ? "enabled " : "disabled ") + change.kind().name() + " host=" + host + keyChange));
	}

	private String storeKey(LanguagePair pair, Change change) {
		if (change.clearKey()) {
			jdbc.sql("update translation.machine_engine set sealed_api_key = null where pair = ?").param(pair.code()).update();
			return " key removed";
		}
		if (change.apiKey() == null || change.apiKey().isBlank()) {
			return "";
		}
		UUID keyId = jdbc.sql("select key_id from translation.machine_engine where pair = ?").param(pair.code())
			.query((rs, n) -> rs.getObject(1, UUID.class)).list().stream().filter(java.util.Objects::nonNull)
			.findFirst().orElse(null);
		if (keyId == null) {
			keyId = vault.newKey();
		}
		jdbc.sql("update translation.machine_engine set key_id = ?, sealed_api_key = ? where pair = ?")
			.params(keyId, vault.sealText(keyId, change.apiKey().strip(), KEY_CONTEXT + pair.code()), pair.code())
			.update();
		return " key replaced";
	}

	private static Engine engine(ResultSet rs, int row) throws SQLException {
		return new Engine(LanguagePair.of(rs.getString("pair")).orElseThrow(), EngineKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("base_url"), rs.getString("model"),
				Duration.ofMillis(rs.getInt("timeout_ms")), rs.getBoolean("enabled"), rs.getString("confirmed_host"),
				rs.getBoolean("has_key"), rs.getInt("version"));
	}

}
