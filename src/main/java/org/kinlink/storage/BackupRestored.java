package org.kinlink.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * Published once a restore has put a backup's rows and files back ({@code backupCreated} is when the backup
 * was made): retention listens and shreds what expired since then, before the restored Kinlink serves.
 */
public record BackupRestored(UUID backupId, Instant backupCreated) {
}
