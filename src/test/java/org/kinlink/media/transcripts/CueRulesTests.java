package org.kinlink.media.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Cue times are typed as mm:ss.mmm; cues end after they start, within the recording, and never overlap. */
class CueRulesTests {

	@Test
	void readsAndWritesMinutesSecondsAndMilliseconds() {
		assertThat(CueTimes.parse("01:05.250")).hasValue(65_250);
		assertThat(CueTimes.parse(" 1:05 ")).hasValue(65_000);
		assertThat(CueTimes.parse("۰۱:۰۵.۲۵۰")).hasValue(65_250);
		assertThat(CueTimes.parse("00:07.5")).hasValue(7_500);
		assertThat(CueTimes.format(65_250)).isEqualTo("01:05.250");
		assertThat(CueTimes.format(0)).isEqualTo("00:00.000");
	}

	@Test
	void refusesTimesInAnyOtherForm() {
		assertThat(CueTimes.parse(null)).isEmpty();
		assertThat(CueTimes.parse("")).isEmpty();
		assertThat(CueTimes.parse("1:75.000")).isEmpty();
		assertThat(CueTimes.parse("65")).isEmpty();
		assertThat(CueTimes.parse("-1:00.000")).isEmpty();
		assertThat(CueTimes.parse("01:05.2500")).isEmpty();
		assertThat(CueTimes.parse("ab:cd")).isEmpty();
	}

	@Test
	void acceptsCuesInOrderWithinTheRecording() {
		assertThat(CueRules.check(List.of(new CueRules.Timed(1, 0, 2000), new CueRules.Timed(2, 2000, 4000)), 4000L)).isEmpty();
	}

	@Test
	void namesACueThatEndsBeforeItStarts() {
		assertThat(CueRules.check(List.of(new CueRules.Timed(1, 3000, 3000)), null).get(1).code())
			.isEqualTo("transcripts.cue.endBeforeStart");
	}

	@Test
	void namesACueThatEndsAfterTheRecording() {
		CueRules.Problem problem = CueRules.check(List.of(new CueRules.Timed(1, 1000, 9001)), 9000L).get(1);

		assertThat(problem.code()).isEqualTo("transcripts.cue.beyondEnd");
		assertThat(problem.argument()).isEqualTo("00:09.000");
	}

	@Test
	void namesTheLaterOfTwoOverlappingCuesAndTheOneItOverlaps() {
		CueRules.Problem problem = CueRules.check(List.of(new CueRules.Timed(1, 0, 3000), new CueRules.Timed(2, 2500, 5000)), null).get(2);

		assertThat(problem.code()).isEqualTo("transcripts.cue.overlap");
		assertThat(problem.argument()).isEqualTo(1);
	}

}
