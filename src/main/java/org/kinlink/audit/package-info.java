/**
 * The append-only, hash-chained audit trail of changes and of reads of sensitive records, and the command
 * that verifies it. It records storage's maintenance events (backup, restore, pruning, key rotation) itself,
 * so that storage stays free of the trail and only the trail decides whether a database can hold an entry.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage" })
package org.kinlink.audit;
