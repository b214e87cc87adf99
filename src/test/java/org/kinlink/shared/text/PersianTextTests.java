package org.kinlink.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersianTextTests {

	@Test
	void mapsArabicYehAndKafToTheirPersianForms() {
		// "کتابی" typed with Arabic kaf (U+0643) and Arabic yeh (U+064A)
		assertThat(PersianText.normalize("\u0643\u062A\u0627\u0628\u064A")).isEqualTo("\u06A9\u062A\u0627\u0628\u06CC");
	}

	@Test
	void keepsZeroWidthNonJoinerInsidePersianWords() {
		String word = "\u0645\u06CC\u200C\u0631\u0648\u0645"; // می‌روم
		assertThat(PersianText.normalize(word)).isEqualTo(word);
	}

	@Test
	void composesToNfcAndTrims() {
		assertThat(PersianText.normalize("  Nde\u0301\r\nx ")).isEqualTo("Ndé\nx");
	}

	@Test
	void readsPersianAndArabicIndicDigitsAsLatin() {
		assertThat(PersianText.latinDigits("۱۲۳۴ ٥٦٧٨-90")).isEqualTo("1234 5678-90");
	}

	@Test
	void toleratesNull() {
		assertThat(PersianText.normalize(null)).isNull();
		assertThat(PersianText.latinDigits(null)).isNull();
	}

}
