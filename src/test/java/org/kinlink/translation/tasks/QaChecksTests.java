package org.kinlink.translation.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The built-in checks a submission goes through: empty, copied, still in Persian, numbers, Latin names, bidi
 * controls, and which kinds block. Sentences from NTREX-128 (CC BY-SA 4.0, github.com/MicrosoftTranslator/NTREX,
 * newstest2019-ref.fas.txt and .sqi.txt, line numbers given).
 */
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

	/** NTREX-128 line 120. */
	static final String LINE_120 = "با وجود تکانهای زمین که در اندونزی به طور مداوم در حال وقوع است، اما باید گفت این کشور متاسفانه در برابر خشم طبیعت خیلی آماده نیست.";

	static final String LINE_120_SQ = "Duke pasur parasysh lëkundjet e shpeshta të tokës që pëson Indonezia, vendi mbetet tejet i papërgatitur përballë zemërimit të natyrës.";

	@Test
	void flagsATranslationLeftInPersianScriptButNotOneWithAPersianNameInIt() {
		assertThat(QaChecks.check(List.of(LINE_120), List.of("با وجود تکانهای زمین Indonezia"))).extracting(QaFinding::kind)
			.containsExactly(QaFinding.Kind.UNTRANSLATED);
		assertThat(QaChecks.check(List.of(LINE_120), List.of(LINE_120_SQ + " (اندونزی)"))).isEmpty();
		assertThat(QaChecks.inSourceScript("Ri was speaking Saturday.", "Ri po mbante një fjalim ditën e shtunë.")).isFalse();
	}

	@Test
	void blocksBidiControlsInATarget() {
		String hostile = "Indonezia \u202Epëson\u202C tërmete\u2066.\u2069\u200F";

		List<QaFinding> findings = QaChecks.check(List.of(LINE_120), List.of(hostile));

		assertThat(findings).extracting(QaFinding::kind, QaFinding::detail, QaFinding::blocking)
			.contains(org.assertj.core.groups.Tuple.tuple(QaFinding.Kind.BIDI_CONTROLS, "U+202E, U+202C, U+2066, U+2069, U+200F", true));
		assertThat(QaChecks.bidiControls(LINE_120_SQ)).isEmpty();
		assertThat(QaChecks.bidiControls("nj\u200Cë")).isEmpty();
	}

	@Test
	void blocksWhatThePolicyNamesAndWarnsAboutTheRest() {
		QaFinding missingNumber = new QaFinding(2, QaFinding.Kind.NUMBERS_MISSING, "7.5");
		QaFinding empty = new QaFinding(1, QaFinding.Kind.EMPTY, "");

		QaChecks.Policy defaults = new QaChecks.Policy(QaFinding.Kind.DEFAULT_BLOCKING);
		assertThat(defaults.blocking()).containsExactlyInAnyOrder(QaFinding.Kind.EMPTY, QaFinding.Kind.BIDI_CONTROLS);
		assertThat(defaults.apply(missingNumber).blocking()).isFalse();
		assertThat(defaults.apply(empty).blocking()).isTrue();

		QaChecks.Policy strict = new QaChecks.Policy(" empty, numbers_missing ,TERMS_MISSING");
		assertThat(strict.apply(missingNumber).blocking()).isTrue();
		assertThat(strict.apply(new QaFinding(1, QaFinding.Kind.BIDI_CONTROLS, "U+202E")).blocking()).isFalse();
		assertThat(new QaChecks.Policy("").blocking()).isEmpty();
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new QaChecks.Policy("EMPTY,TYPO"));
	}

	@Test
	void keepsTheMessageCodesOfTheFirstKindsAndGivesNewOnesTheirOwn() {
		assertThat(QaFinding.Kind.EMPTY.messageCode()).isEqualTo("translation.qa.EMPTY");
		assertThat(QaFinding.Kind.NAMES_MISSING.messageCode()).isEqualTo("translation.qa.NAMES_MISSING");
		assertThat(QaFinding.Kind.TERMS_MISSING.messageCode()).isEqualTo("qa.TERMS_MISSING");
	}

}
