package org.kinlink.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * SPI for the module that sent records to authorities: which authorities received data of a record, so that
 * when the record is shredded the association can ask them to delete their copy too.
 */
public interface DisclosureRecords {

	List<Disclosure> disclosedAbout(RetentionCategory category, UUID recordId);

	/** One dispatch: the authority's name (an organisation, never a person's data), the reference and when. */
	record Disclosure(String authority, String reference, Instant sentAt) {
	}

}
