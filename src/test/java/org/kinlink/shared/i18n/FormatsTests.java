package org.kinlink.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class FormatsTests {

	private final Formats formats = new Formats(ZoneId.of("Europe/Tirane"));

	@Test
	void showsPersianReadersTheJalaliCalendarWithPersianDigits() {
		// 21 March 2025 was Nowruz, 1 Farvardin 1404.
		String date = formats.date(LocalDate.of(2025, 3, 21), Languages.PERSIAN);
		assertThat(date).contains("۱۴۰۴").contains("فروردین").doesNotContainPattern("[0-9]");
	}

	@Test
	void showsAlbanianAndEnglishReadersTheGregorianCalendar() {
		assertThat(formats.date(LocalDate.of(2025, 3, 21), Languages.ALBANIAN)).contains("2025").containsIgnoringCase("mars");
		assertThat(formats.date(LocalDate.of(2025, 3, 21), Languages.ENGLISH)).contains("2025").contains("March");
	}

	@Test
	void writesIdentifiersInPersianDigitsOnlyForPersianReaders() {
		assertThat(formats.digits("KL-2026-000123", Languages.PERSIAN)).isEqualTo("KL-۲۰۲۶-۰۰۰۱۲۳");
		assertThat(formats.digits("KL-2026-000123", Languages.ALBANIAN)).isEqualTo("KL-2026-000123");
	}

	@Test
	void formatsNumbersInTheReadersDigits() {
		assertThat(formats.number(1404, Languages.PERSIAN)).isEqualTo("۱٬۴۰۴");
	}

}
