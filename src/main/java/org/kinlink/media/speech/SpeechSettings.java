package org.kinlink.media.speech;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's settings of the speech-to-text port (one row, off until enabled): server base URL,
 * model, and the API key sealed under a key of its own, never shown again. Changes are audited.
 */
@Component
public class SpeechSettings {

	/** Job parameter of a TRANSCRIBE job that staff asked for: it replaces the draft's cues even if edited. */
	public static final String IMPORT_ON_REQUEST = "replace";

	private static final String CONTEXT = "media.speech-api-key";

	private final JdbcClient jdbc;

	private final Vault vault;

	private final AuditTrail audit;

	private final Clock clock;

	SpeechSettings(JdbcClient jdbc, Vault vault, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether an administrator enabled the port (with a server and a model). */
	public boolean enabled() {
		return current().map(Engine::usable).orElse(false);
	}

	/** The settings as the page shows them (no key, only whether there is one). */
	Optional<Engine> current() {
		return jdbc.sql("select enabled, base_url, model, key_id, sealed_api_key, version from media.speech_engine where id = 1")
			.query((rs, n) -> new Engine(rs.getBoolean("enabled"), rs.getString("base_url"), rs.getString("model"),
					rs.getBytes("sealed_api_key") != null, rs.getInt("version")))
			.optional();
	}

	/** The API key in clear, for the request to the server only; empty when none was set. */
	Optional<String> apiKey() {
		return jdbc.sql("select key_id, sealed_api_key from media.speech_engine where id = 1 and sealed_api_key is not null")
			.query((rs, n) -> vault.openText(rs.getObject("key_id", UUID.class), rs.getBytes("sealed_api_key"), CONTEXT))
			.optional();
	}

	/**
	 * Saves the settings; a blank {@code apiKey} keeps the stored one unless {@code clearKey}. The version must
	 * be the one the page showed (else {@link org.springframework.dao.OptimisticLockingFailureException}).
	 */
	@Transactional
	void save(boolean enabled, String baseUrl, String model, String apiKey, boolean clearKey, int version) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("insert into media.speech_engine (id, updated_at) values (1, ?) on conflict (id) do nothing").param(now).update();
		UUID keyId = jdbc.sql("select key_id from media.speech_engine where id = 1 for update").query(UUID.class).optional().orElse(null);
		if (keyId == null) {
			keyId = vault.newKey();
		}
		int updated = jdbc.sql("""
				update media.speech_engine set enabled = ?, base_url = ?, model = ?, key_id = ?, updated_at = ?,
				version = version + 1 where id = 1 and version = ?""")
			.params(enabled, baseUrl, model, keyId, now, version)
			.update();
		if (updated == 0) {
			throw new org.springframework.dao.OptimisticLockingFailureException("speech settings changed");
		}
		if (clearKey) {
			jdbc.sql("update media.speech_engine set sealed_api_key = null where id = 1").update();
		}
		else if (apiKey != null && !apiKey.isBlank()) {
			jdbc.sql("update media.speech_engine set sealed_api_key = ? where id = 1")
				.param(vault.sealText(keyId, apiKey.strip(), CONTEXT))
				.update();
		}
		audit.record(AuditEvent.success("speech.settings.update", "speech-engine", 1).withDetail(enabled ? "enabled" : "disabled"));
	}

	/** The port's settings without the key. */
	record Engine(boolean enabled, String baseUrl, String model, boolean hasKey, int version) {

		boolean usable() {
			return enabled && !baseUrl.isBlank() && !model.isBlank();
		}

	}

}
