package org.kinlink.people.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A pair is kept in PostgreSQL's uuid order (unsigned bytes), which the not_same table's check demands. */
class DuplicatePairOrderTests {

	@Test
	void idsStartingHighComeAfterIdsStartingLowWhateverTheSignOfTheirBits() {
		UUID high = UUID.fromString("f1e922b7-ea71-48ec-a567-a774a5150048");
		UUID low = UUID.fromString("64801af5-b7d9-4a6f-be6b-90a2407ab6e0");

		assertThat(DuplicatePairs.Pair.of(high, low)).isEqualTo(new DuplicatePairs.Pair(low, high));
		assertThat(DuplicatePairs.Pair.of(low, high)).isEqualTo(new DuplicatePairs.Pair(low, high));
	}

}
