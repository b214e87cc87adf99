package org.kinlink.shared.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and numbers as each reader expects them: Jalali calendar and Persian digits in Persian,
 * Gregorian elsewhere. Templates call it as ${@fmt.date(value)}.
 */
@Component("fmt")
public class Formats {

	private final ZoneId zone;

	Formats(@Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
		this.zone = zone;
	}

	public String date(LocalDate date) {
		return date == null ? "" : date(date.atStartOfDay(zone).toInstant(), LocaleContextHolder.getLocale());
	}

	public String date(Instant instant) {
		return instant == null ? "" : date(instant, LocaleContextHolder.getLocale());
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : format(instant, LocaleContextHolder.getLocale(), DateFormat.MEDIUM, DateFormat.SHORT);
	}

	public String date(Instant instant, Locale locale) {
		return format(instant, locale, DateFormat.LONG, DateFormat.NONE);
	}

	public String date(LocalDate date, Locale locale) {
		return date == null ? "" : date(date.atStartOfDay(zone).toInstant(), locale);
	}

	public String number(long value) {
		return number(value, LocaleContextHolder.getLocale());
	}

	public String number(long value, Locale locale) {
		return NumberFormat.getInstance(uLocale(locale)).format(value);
	}

	/** Digits of an identifier (a receipt, a reference) in the reader's script, without grouping. */
	public String digits(String value) {
		return digits(value, LocaleContextHolder.getLocale());
	}

	public String digits(String value, Locale locale) {
		if (value == null || !Languages.isRightToLeft(locale)) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		value.codePoints().forEach(c -> out.appendCodePoint(c >= '0' && c <= '9' ? '\u06F0' + (c - '0') : c));
		return out.toString();
	}

	private String format(Instant instant, Locale locale, int dateStyle, int timeStyle) {
		ULocale uLocale = uLocale(locale);
		Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone(zone.getId()), uLocale);
		DateFormat format = timeStyle == DateFormat.NONE ? DateFormat.getDateInstance(calendar, dateStyle, uLocale)
				: DateFormat.getDateTimeInstance(calendar, dateStyle, timeStyle, uLocale);
		return format.format(Date.from(instant));
	}

	private static ULocale uLocale(Locale locale) {
		if (Languages.isRightToLeft(locale)) {
			return new ULocale("fa_IR@calendar=persian;numbers=arabext");
		}
		return ULocale.forLocale(locale == null ? Languages.ENGLISH : locale);
	}

}
