package org.kinlink.translation.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kinlink.translation.tasks.QaFinding;
import org.kinlink.translation.tasks.TaskSegment;

/** The registered Latin spelling of the person a message is for, asked where the source names them in Persian. */
class NameSpellingCheckTests {

	static List<TaskSegment> segments(String... sources) {
		TaskSegment[] segments = new TaskSegment[sources.length];
		for (int i = 0; i < sources.length; i++) {
			segments[i] = new TaskSegment(i + 1, sources[i], null, null, null);
		}
		return Arrays.asList(segments);
	}

	@Test
	void asksForTheRegisteredSpellingOfTheFullNameAndOfTheFamilyName() {
		List<TaskSegment> segments = segments("محمود دهقانی عزیز، سلام.", "آقای دهقاني از تهران آمد.", "همه خوبیم.");

		List<QaFinding> findings = NameSpellingCheck.check("محمود دهقانی", "Mahmoud Dehghani", segments,
				List.of("I dashur Mahmud Dehqani, përshëndetje.", "Zoti Dehqani erdhi nga Teherani.", "Të gjithë jemi mirë."));

		assertThat(findings).extracting(QaFinding::segment, QaFinding::kind, QaFinding::detail).containsExactly(
				org.assertj.core.groups.Tuple.tuple(1, QaFinding.Kind.NAME_SPELLING, "Mahmoud Dehghani"),
				org.assertj.core.groups.Tuple.tuple(2, QaFinding.Kind.NAME_SPELLING, "Dehghani"));
	}

	@Test
	void acceptsTheRegisteredSpellingWithAlbanianEndings() {
		List<TaskSegment> segments = segments("محمود دهقانی عزیز، سلام.", "نامه برای امیرحسین دهقانی است.");

		assertThat(NameSpellingCheck.check("محمود دهقانی", "Mahmoud Dehghani", segments,
				List.of("I dashur Mahmoud Dehghani, përshëndetje.", "Letra është për Amirhossein Dehghanin."))).isEmpty();
		assertThat(NameSpellingCheck.check("امیر حسین", "Amirhossein", segments("سلام امیرحسین."),
				List.of("Përshëndetje, Amirhossein."))).isEmpty();
	}

	@Test
	void asksNothingWhenTheSourceDoesNotNameThePersonOrTheTargetIsEmpty() {
		assertThat(NameSpellingCheck.check("علی احمدی", "Ali Ahmadi", segments("احمدی‌نژاد گفت.", "علی احمدی آمد."),
				Arrays.asList("Ahmadinejad said.", null))).isEmpty();
		assertThat(NameSpellingCheck.contains("علي احمدي آمد", "علی احمدی")).isTrue();
	}

}
