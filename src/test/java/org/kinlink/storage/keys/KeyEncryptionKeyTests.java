package org.kinlink.storage.keys;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinlink.storage.Vault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A lost or foreign key-encryption key stops the start instead of silently orphaning every sealed record. */
@SpringBootTest
class KeyEncryptionKeyTests {

	@Autowired
	Vault vault;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path emptyDataDir;

	@Test
	void refusesToCreateANewKeyWhenDataKeysAlreadyExist() {
		vault.newKey();
		assertThatThrownBy(() -> new EnvelopeVault(jdbc, "", emptyDataDir)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("missing");
	}

	@Test
	void refusesAKeyThatDidNotWrapThisDatabasesDataKeys() throws Exception {
		vault.newKey();
		AeadConfig.register();
		String foreign = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
				InsecureSecretKeyAccess.get());
		String fromEnvironment = Base64.getEncoder().encodeToString(foreign.getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> new EnvelopeVault(jdbc, fromEnvironment, emptyDataDir)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("does not open");
	}

}
