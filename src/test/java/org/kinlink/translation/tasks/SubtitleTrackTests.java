package org.kinlink.translation.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The exact WebVTT and SubRip a track is written as, with right-to-left marks only where a line needs them. */
class SubtitleTrackTests {

	static final SubtitleTrack ALBANIAN = new SubtitleTrack("sq", false, List.of(
			new SubtitleTrack.Cue(61_234, 64_000, "Çdo ditë më mungon shtëpia."),
			new SubtitleTrack.Cue(500, 2_250, "Mirëdita <nënë> & baba,\n\n  a jeni mirë?  "),
			new SubtitleTrack.Cue(3_725_001, 3_726_000, "Një orë më vonë."),
			new SubtitleTrack.Cue(70_000, 71_000, null),
			new SubtitleTrack.Cue(80_000, 80_000, "zero length")));

	@Test
	void writesWebVttWithDotMillisecondsEscapedTextAndNoBlankLinesInsideACue() {
		assertThat(ALBANIAN.webVtt()).isEqualTo("""
				WEBVTT

				1
				00:00:00.500 --> 00:00:02.250
				Mirëdita &lt;nënë&gt; &amp; baba,
				a jeni mirë?

				2
				00:01:01.234 --> 00:01:04.000
				Çdo ditë më mungon shtëpia.

				3
				01:02:05.001 --> 01:02:06.000
				Një orë më vonë.

				""");
	}

	@Test
	void writesSubRipWithCommaMillisecondsAndCrLf() {
		assertThat(ALBANIAN.srt()).isEqualTo("1\r\n00:00:00,500 --> 00:00:02,250\r\nMirëdita <nënë> & baba,\r\na jeni mirë?\r\n\r\n"
				+ "2\r\n00:01:01,234 --> 00:01:04,000\r\nÇdo ditë më mungon shtëpia.\r\n\r\n"
				+ "3\r\n01:02:05,001 --> 01:02:06,000\r\nNjë orë më vonë.\r\n\r\n");
	}

	@Test
	void marksOnlyPersianLinesThatDoNotBeginAndEndWithAPersianLetter() {
		SubtitleTrack persian = new SubtitleTrack("fa", true, List.of(
				new SubtitleTrack.Cue(0, 1_000, "سلام مادر جان"),
				new SubtitleTrack.Cue(1_000, 2_000, "دلم برای خانه تنگ شده است."),
				new SubtitleTrack.Cue(2_000, 3_000, "Ali سلام می‌رساند"),
				new SubtitleTrack.Cue(3_000, 4_000, "۵ سال گذشت\nخداحافظ")));
		assertThat(persian.webVtt()).isEqualTo("WEBVTT\n\n"
				+ "1\n00:00:00.000 --> 00:00:01.000\nسلام مادر جان\n\n"
				+ "2\n00:00:01.000 --> 00:00:02.000\n\u200Fدلم برای خانه تنگ شده است.\u200F\n\n"
				+ "3\n00:00:02.000 --> 00:00:03.000\n\u200FAli سلام می‌رساند\u200F\n\n"
				+ "4\n00:00:03.000 --> 00:00:04.000\n\u200F۵ سال گذشت\u200F\nخداحافظ\n\n");
	}

	@Test
	void anAlbanianTrackNeverGetsRightToLeftMarks() {
		SubtitleTrack track = new SubtitleTrack("sq", false, List.of(new SubtitleTrack.Cue(0, 900, "5 vjet kaluan.")));
		assertThat(track.srt()).doesNotContain("\u200F").contains("5 vjet kaluan.");
	}

}
