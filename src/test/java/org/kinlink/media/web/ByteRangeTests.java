package org.kinlink.media.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Range headers as players and attackers send them. */
class ByteRangeTests {

	@Test
	void readsClosedOpenAndSuffixRanges() {
		assertThat(ByteRange.parse("bytes=0-9", 100)).contains(new ByteRange(0, 9));
		assertThat(ByteRange.parse("bytes=90-", 100)).contains(new ByteRange(90, 99));
		assertThat(ByteRange.parse("bytes=50-500", 100)).contains(new ByteRange(50, 99));
		assertThat(ByteRange.parse("bytes=-10", 100)).contains(new ByteRange(90, 99));
		assertThat(ByteRange.parse("bytes=-1000", 100)).contains(new ByteRange(0, 99));
	}

	@Test
	void aRangePastTheEndOrBackwardsIsUnsatisfiable() {
		assertThat(ByteRange.parse("bytes=100-", 100)).contains(ByteRange.UNSATISFIABLE);
		assertThat(ByteRange.parse("bytes=9-3", 100)).contains(ByteRange.UNSATISFIABLE);
		assertThat(ByteRange.parse("bytes=-0", 100)).contains(ByteRange.UNSATISFIABLE);
	}

	@Test
	void malformedOrMultipleRangesAreIgnored() {
		assertThat(ByteRange.parse(null, 100)).isEmpty();
		assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEmpty();
		assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
		assertThat(ByteRange.parse("bytes=-", 100)).isEmpty();
		assertThat(ByteRange.parse("bytes=99999999999999999999-", 100)).isEmpty();
	}

}
