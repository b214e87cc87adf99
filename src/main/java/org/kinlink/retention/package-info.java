/**
 * Retention: the administrator's rules per category of record and the job that enforces them by
 * crypto-shredding. The modules that own the records implement {@link org.kinlink.retention.RetentionSubject}
 * (what has expired, shred one record leaving a tombstone) and
 * {@link org.kinlink.retention.DisclosureRecords} (which authorities received a record), so this module never
 * writes another module's tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "storage" })
package org.kinlink.retention;
