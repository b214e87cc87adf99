/**
 * The append-only, hash-chained audit trail of changes and of reads of sensitive records, and the command
 * that verifies it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.kinlink.audit;
