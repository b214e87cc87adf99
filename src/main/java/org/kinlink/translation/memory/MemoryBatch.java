package org.kinlink.translation.memory;

import java.time.Instant;
import java.util.UUID;

/**
 * Units that came in together and share one Vault key: the approved segments of one task, or one TMX import.
 * Who approved or imported them and when; shredding the key forgets them all, backups included.
 */
record MemoryBatch(UUID id, Origin origin, UUID taskId, LanguagePair pair, UUID keyId, int unitCount, String createdBy,
		Instant createdAt) {

	/** Where the units came from. */
	enum Origin {
		TASK, IMPORT
	}

}
