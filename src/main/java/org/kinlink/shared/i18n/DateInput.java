package org.kinlink.shared.i18n;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import org.kinlink.shared.text.PersianText;

import org.springframework.format.Formatter;
import org.springframework.stereotype.Component;

/**
 * Dates as staff type them, in the calendar they think in: Jalali ({@code 1403/05/12}, with Persian, Arabic
 * or Latin digits) or Gregorian ({@code 2024-08-02}, or {@code 02.08.2024} as written in Albania). A year
 * before 1700 is Jalali. Every {@link LocalDate} form field binds through it; a date that does not exist
 * (1403/12/31, 2025-02-30) is refused, never rolled over. Shown back in the reader's calendar: Jalali with
 * Persian digits in Persian, ISO elsewhere.
 */
@Component
public class DateInput implements Formatter<LocalDate> {

	private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})");

	private static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{4})");

	private static final int LAST_JALALI_YEAR = 1700;

	@Override
	public LocalDate parse(String text, Locale locale) throws ParseException {
		LocalDate date = parse(text);
		if (date == null) {
			throw new ParseException(text == null ? "" : text, 0);
		}
		return date;
	}

	/** The date typed, or null when it is not a date of either calendar. */
	public static LocalDate parse(String text) {
		if (text == null) {
			return null;
		}
		String latin = PersianText.latinDigits(text.strip());
		Matcher m = YEAR_FIRST.matcher(latin);
		if (m.matches()) {
			int year = Integer.parseInt(m.group(1));
			int month = Integer.parseInt(m.group(2));
			int day = Integer.parseInt(m.group(3));
			return year < LAST_JALALI_YEAR ? jalali(year, month, day) : gregorian(year, month, day);
		}
		m = YEAR_LAST.matcher(latin);
		if (m.matches()) {
			return gregorian(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
		}
		return null;
	}

	@Override
	public String print(LocalDate date, Locale locale) {
		if (!Languages.isRightToLeft(locale)) {
			return date.toString();
		}
		Calendar calendar = new PersianCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
		calendar.setTimeInMillis(date.toEpochDay() * 86_400_000L);
		String jalali = "%04d/%02d/%02d".formatted(calendar.get(Calendar.EXTENDED_YEAR), calendar.get(Calendar.MONTH) + 1,
				calendar.get(Calendar.DAY_OF_MONTH));
		StringBuilder out = new StringBuilder(jalali.length());
		jalali.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + (c - '0')) : (char) c));
		return out.toString();
	}

	private static LocalDate jalali(int year, int month, int day) {
		return strict(new PersianCalendar(TimeZone.GMT_ZONE, ULocale.ROOT), year, month, day);
	}

	private static LocalDate gregorian(int year, int month, int day) {
		return strict(new GregorianCalendar(TimeZone.GMT_ZONE, ULocale.ROOT), year, month, day);
	}

	private static LocalDate strict(Calendar calendar, int year, int month, int day) {
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			return null;
		}
		calendar.clear();
		calendar.setLenient(false);
		calendar.set(Calendar.EXTENDED_YEAR, year);
		calendar.set(Calendar.MONTH, month - 1);
		calendar.set(Calendar.DAY_OF_MONTH, day);
		try {
			return LocalDate.ofEpochDay(Math.floorDiv(calendar.getTimeInMillis(), 86_400_000L));
		}
		catch (IllegalArgumentException notADate) {
			return null;
		}
	}

}
