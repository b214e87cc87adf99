package org.kinlink.media.retention;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.retention.DerivedData;
import org.kinlink.retention.RetentionCategory;
import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files of a shredded family message: their data keys (the file's and its upload's) are destroyed, so the
 * originals, renditions and transcripts sealed under them cannot be opened again, backups included. The rows and
 * the ciphertext in the blob store stay (unreadable) until the store's own clean-up.
 */
@Component
class MessageFilesRetention implements DerivedData {

	private static final Set<RetentionCategory> MESSAGES = Set.of(RetentionCategory.REJECTED_SUBMISSIONS,
			RetentionCategory.UNANSWERED_REPLIES);

	private final JdbcClient jdbc;

	private final Vault vault;

	private final AuditTrail audit;

	MessageFilesRetention(JdbcClient jdbc, Vault vault, AuditTrail audit) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.audit = audit;
	}

	@Override
	public void shredDerived(RetentionCategory category, UUID recordId) {
		if (!MESSAGES.contains(category)) {
			return;
		}
		List<UUID> keys = jdbc.sql("""
				select f.key_id from media.file f where f.message_id = :m
				union select u.key_id from media.file f join media.upload u on u.id = f.upload_id where f.message_id = :m
				""").param("m", recordId).query(UUID.class).list();
		keys.forEach(vault::shred);
		if (!keys.isEmpty()) {
			audit.recordAs("retention-job", AuditEvent.success("media.shred", "message", recordId)
				.withDetail("keys " + keys.size()));
		}
	}

}
