package org.kinlink.cases.file;

import java.util.UUID;

import org.kinlink.storage.Vault;

import org.springframework.stereotype.Component;

/**
 * Seals and opens the case's CONFIDENTIAL and RESTRICTED texts under the case's own data key, each bound to
 * its place ("cases.&lt;what&gt;:&lt;row id&gt;") so a ciphertext moved to another row or column does not open.
 */
@Component
public class CaseSeal {

	private final Vault vault;

	CaseSeal(Vault vault) {
		this.vault = vault;
	}

	/** Null in, null out: an empty field stays empty. */
	public byte[] seal(CaseFile file, String what, UUID rowId, String text) {
		return text == null || text.isBlank() ? null : vault.sealText(file.keyId(), text, context(what, rowId));
	}

	public String open(CaseFile file, String what, UUID rowId, byte[] ciphertext) {
		return ciphertext == null ? null : vault.openText(file.keyId(), ciphertext, context(what, rowId));
	}

	private static String context(String what, UUID rowId) {
		return "cases." + what + ":" + rowId;
	}

}
