package org.kinlink.referrals.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * An authority in the directory: where referral packets go, in which language, and how many days it has to
 * acknowledge one before the referral is overdue.
 */
public record Authority(UUID id, String name, AuthorityKind kind, String language, String postalAddress,
		String email, int acknowledgementDays, boolean active, Instant createdAt, Instant updatedAt, int version) {
}
