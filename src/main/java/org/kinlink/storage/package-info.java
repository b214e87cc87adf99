/**
 * Encryption of everything confidential: per-record data keys wrapped by a key-encryption key that never
 * lives in the database, and crypto-shredding when a record goes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.kinlink.storage;
