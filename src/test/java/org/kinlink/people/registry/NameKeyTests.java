package org.kinlink.people.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spellings of one name that must meet in search, and the key they meet at. */
class NameKeyTests {

	@ParameterizedTest
	@CsvSource({ "علی کریمی, علي كريمي", // Arabic yeh and kaf
			"آرش, ارش", // alef with madda
			"فاطمه, فاطمة", // teh marbuta
			"مُحَمَّد, محمد", // diacritics
			"می‌خواهم, میخواهم", // ZWNJ
			"Sëmira Hoxha, semira hoxha", // Latin accents and case
			"Ali  Reza-Karimi, ali reza karimi", // spaces and punctuation
			"۱۳۶۵, 1365" })
	void givesTheSameKeyToSpellingsOfOneName(String one, String other) {
		assertThat(NameKey.of(one)).isEqualTo(NameKey.of(other));
	}

	@ParameterizedTest
	@CsvSource({ "علی, ولی", "Ali, Eli" })
	void keepsDifferentNamesApart(String one, String other) {
		assertThat(NameKey.of(one)).isNotEqualTo(NameKey.of(other));
	}

}
