package org.kinlink.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** S5 and S7 at the vault: AEAD under per-record keys, tamper detection, crypto-shredding. */
@SpringBootTest
class VaultTests {

	private static final String CANARY = "canary-\u0632\u0647\u0631\u0627-" + UUID.randomUUID();

	@Autowired
	Vault vault;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sealedTextOpensOnlyWithItsKeyAndContext() {
		UUID key = vault.newKey();
		byte[] sealed = vault.sealText(key, CANARY, "test.letter");
		assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain(CANARY);
		assertThat(vault.openText(key, sealed, "test.letter")).isEqualTo(CANARY);
		assertThatThrownBy(() -> vault.openText(key, sealed, "test.other-field")).isInstanceOf(SealBrokenException.class);
		assertThatThrownBy(() -> vault.openText(vault.newKey(), sealed, "test.letter")).isInstanceOf(SealBrokenException.class);
	}

	@Test
	void aFlippedByteFailsDecryption() {
		UUID key = vault.newKey();
		byte[] sealed = vault.sealText(key, CANARY, "test.letter");
		sealed[sealed.length / 2] ^= 0x01;
		assertThatThrownBy(() -> vault.openText(key, sealed, "test.letter")).isInstanceOf(SealBrokenException.class);
	}

	@Test
	void shreddingTheKeyMakesEarlierCopiesUnreadable() {
		UUID key = vault.newKey();
		byte[] backupCopy = vault.sealText(key, CANARY, "test.letter");
		vault.shred(key);
		vault.shred(key); // idempotent
		assertThatThrownBy(() -> vault.openText(key, backupCopy, "test.letter")).isInstanceOf(SealBrokenException.class);
	}

	@Test
	void wrappedKeysAreNotStoredInClear() {
		UUID key = vault.newKey();
		byte[] wrapped = jdbc.sql("select wrapped from storage.data_key where id = ?").param(key).query(byte[].class).single();
		assertThat(wrapped.length).isGreaterThan(32);
		assertThat(new String(wrapped, StandardCharsets.ISO_8859_1)).doesNotContain("AesGcmKey");
	}

}
