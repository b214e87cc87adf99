package org.kinlink.audit.trail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.kinlink.audit.AuditEntry;

/** SHA-256 over the previous hash and every field of the entry, each length-prefixed so fields cannot shift. */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	static String of(String previous, AuditEntry e) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Object field : new Object[] { previous, e.sequence(), e.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
					e.actor(), e.origin(), e.action(), e.recordType(), e.recordId(), e.outcome().name(), e.detail() }) {
				byte[] bytes = field == null ? new byte[0] : field.toString().getBytes(StandardCharsets.UTF_8);
				digest.update(java.nio.ByteBuffer.allocate(5).put((byte) (field == null ? 0 : 1)).putInt(bytes.length).array());
				digest.update(bytes);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
