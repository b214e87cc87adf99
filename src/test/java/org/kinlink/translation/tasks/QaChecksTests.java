package org.kinlink.translation.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The checks a submission goes through: empty, copied, numbers, Latin names. */
class QaChecksTests {

	@Test
	void blocksEmptyTargetsAndFlagsCopiedOnes() {
		List<QaFinding> findings = QaChecks.check(List.of("سلام.", "خوبی؟", "MWP"), Arrays.asList("  ", null, "MWP"));

		assertThat(findings).extracting(QaFinding::segment, QaFinding::kind, QaFinding::blocking)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, QaFinding.Kind.EMPTY, true),
					org.assertj.core.groups.Tuple.tuple(2, QaFinding.Kind.EMPTY, true),
					org.assertj.core.groups.Tuple.tuple(3, QaFinding.Kind.IDENTICAL, false));
	}

	@Test
	void readsPersianAndArabicIndicDigitsAsNumbers() {
		String source = "در زلزله ۷٫۵ ریشتری ۱۱ نفر و ٣٠٠٠ خانه آسیب دیدند.";

		assertThat(QaChecks.missingNumbers(source, "Në tërmetin 7,5 ballë u dëmtuan 11 veta dhe 3.000 shtëpi.")).isEmpty();
		assertThat(QaChecks.missingNumbers(source, "In the 7.5 quake 3,000 houses were damaged.")).containsExactly("11");
		assertThat(QaChecks.missingNumbers("سال 2016 و ۲۰۱۸", "in 2016")).containsExactly("2018");
	}

	@Test
	void findsLatinNamesMissingFromTheTarget() {
		String source = "این متخصص، Tiffany Ng از دانشگاه میشیگان گفت.";

		assertThat(QaChecks.missingNames(source, "Eksperti Tiffany Ng nga Universiteti i Miçiganit tha.")).isEmpty();
		assertThat(QaChecks.missingNames(source, "The expert Tiffany from Michigan said.")).containsExactly("Ng");
		assertThat(QaChecks.missingNames("گروه Plaid", "the plaid group")).isEmpty();
	}

	@Test
	void passesAGoodTranslation() {
		assertThat(QaChecks.check(List.of("قیمت ۳٫۵ میلیون شد."), List.of("The price became 3.5 million."))).isEmpty();
	}

}
