package org.kinlink.retention;

import java.util.UUID;

/**
 * SPI for a module that keeps data derived from another module's record (the files of a message, its
 * translation tasks): retention calls it in the same transaction as the owner's shredding, and the module
 * destroys the keys of what it derived. Must be idempotent.
 */
public interface DerivedData {

	void shredDerived(RetentionCategory category, UUID recordId);

}
