package org.kinlink.storage.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** What a backup or restore did, in figures only (no personal data). */
record BackupResult(UUID backupId, Instant created, Path file, int tables, long rows, int blobs, int missingBlobs,
		long bytes, long millis) {
}
