package org.kinlink.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DateInputTests {

	private final DateInput input = new DateInput();

	@Test
	void readsJalaliDatesInPersianArabicAndLatinDigits() throws ParseException {
		LocalDate expected = LocalDate.of(2024, 8, 2);
		assertThat(input.parse("1403/05/12", Locale.ENGLISH)).isEqualTo(expected);
		assertThat(input.parse("۱۴۰۳/۰۵/۱۲", Locale.ENGLISH)).isEqualTo(expected);
		assertThat(input.parse("١٤٠٣-٥-١٢", Locale.ENGLISH)).isEqualTo(expected);
		assertThat(input.parse("1403/01/01", Locale.ENGLISH)).isEqualTo(LocalDate.of(2024, 3, 20));
	}

	@Test
	void readsGregorianDatesWithTheYearFirstOrLast() throws ParseException {
		assertThat(input.parse("2024-08-02", Locale.ENGLISH)).isEqualTo(LocalDate.of(2024, 8, 2));
		assertThat(input.parse("02.08.2024", Locale.ENGLISH)).isEqualTo(LocalDate.of(2024, 8, 2));
		assertThat(input.parse(" 2/8/2024 ", Locale.ENGLISH)).isEqualTo(LocalDate.of(2024, 8, 2));
	}

	@Test
	void refusesDatesThatDoNotExistInTheirCalendar() {
		for (String bad : new String[] { "2025-02-30", "1403/13/01", "1403/12/31", "1404/12/30x", "tomorrow", "", "2024-00-10" }) {
			assertThatThrownBy(() -> input.parse(bad, Locale.ENGLISH)).as(bad).isInstanceOf(ParseException.class);
		}
		// 1403 is a leap year in the Jalali calendar, 1404 is not
		assertThat(DateInput.parse("1403/12/30")).isEqualTo(LocalDate.of(2025, 3, 20));
		assertThat(DateInput.parse("1404/12/30")).isNull();
	}

	@Test
	void showsDatesBackInTheReadersCalendar() throws ParseException {
		LocalDate date = LocalDate.of(2024, 8, 2);
		assertThat(input.print(date, Locale.forLanguageTag("fa"))).isEqualTo("۱۴۰۳/۰۵/۱۲");
		assertThat(input.print(date, Locale.forLanguageTag("sq"))).isEqualTo("2024-08-02");
		assertThat(input.parse(input.print(date, Locale.forLanguageTag("fa")), Locale.ENGLISH)).isEqualTo(date);
	}

}
