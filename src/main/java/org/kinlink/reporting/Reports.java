package org.kinlink.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;

import org.kinlink.cases.CaseStatistics;
import org.kinlink.cases.CaseStatistics.ClosureFigure;
import org.kinlink.cases.CaseStatistics.EmploymentFigure;
import org.kinlink.cases.CaseStatistics.NotificationDelayFigure;
import org.kinlink.cases.CaseStatistics.ServiceFigure;
import org.kinlink.cases.CaseStatistics.YearFigure;
import org.kinlink.reporting.Figure.Cell;
import org.kinlink.shared.i18n.Formats;
import org.kinlink.shared.i18n.Languages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Turns the anonymous case figures into the report's five figures in one reader's language, applying
 * {@link SmallCounts} to every count and income on the way, so no page or export can skip it.
 */
@Service
class Reports {

	private final CaseStatistics statistics;

	private final MessageSource messages;

	private final Formats formats;

	Reports(CaseStatistics statistics, MessageSource messages, Formats formats) {
		this.statistics = statistics;
		this.messages = messages;
		this.formats = formats;
	}

	List<Figure> figures(Locale locale) {
		Labels labels = new Labels(locale);
		return List.of(services(labels), employment(labels), departures(labels), delays(labels), closures(labels));
	}

	private Figure services(Labels l) {
		List<List<Cell>> rows = new ArrayList<>();
		for (ServiceFigure f : statistics.services()) {
			rows.add(List.of(l.label("reporting.serviceType." + f.type()), l.label("reporting.serviceStatus." + f.status()),
					l.count(f.people())));
		}
		return l.figure("services", List.of("type", "status", "people"), rows, row -> row.get(0).text() + " · " + row.get(1).text(), 2);
	}

	private Figure employment(Labels l) {
		List<List<Cell>> rows = new ArrayList<>();
		for (EmploymentFigure f : statistics.employment()) {
			boolean withheld = SmallCounts.withholdsIncome(f.people());
			rows.add(List.of(l.label("reporting.workKind." + f.kind()), l.count(f.people()),
					withheld ? l.withheld() : l.amount(f.medianIncomeEur()), withheld ? l.withheld() : l.amount(f.meanIncomeEur())));
		}
		return l.figure("employment", List.of("kind", "people", "median", "mean"), rows, row -> row.get(0).text(), 1);
	}

	private Figure departures(Labels l) {
		List<List<Cell>> rows = new ArrayList<>();
		for (YearFigure f : statistics.departuresPerYear()) {
			rows.add(List.of(l.year(f.year()), l.count(f.count())));
		}
		return l.figure("departures", List.of("year", "count"), rows, row -> row.get(0).text(), 1);
	}

	private Figure delays(Labels l) {
		List<List<Cell>> rows = new ArrayList<>();
		for (NotificationDelayFigure f : statistics.notificationDelays()) {
			boolean none = f.dispatched() == 0;
			rows.add(List.of(l.year(f.year()), l.label("reporting.authority." + f.authorityKind()), l.count(f.dispatched()),
					l.count(f.late()), none ? l.none() : l.hours(f.medianHours()), none ? l.none() : l.hours(f.maxHours()),
					l.count(f.pending())));
		}
		return l.figure("delays", List.of("year", "authority", "dispatched", "late", "median", "max", "pending"), rows,
				row -> row.get(0).text() + " · " + row.get(1).text(), 4);
	}

	private Figure closures(Labels l) {
		List<List<Cell>> rows = new ArrayList<>();
		for (ClosureFigure f : statistics.closures()) {
			rows.add(List.of(l.label(f.reason() == null ? "reporting.closures.open" : "reporting.closureReason." + f.reason()),
					l.count(f.cases())));
		}
		return l.figure("closures", List.of("situation", "cases"), rows, row -> row.get(0).text(), 1);
	}

	/** Labels, numbers and the small-count rule in one reader's language. */
	private final class Labels {

		private final Locale locale;

		private final NumberFormat decimals;

		Labels(Locale locale) {
			this.locale = locale;
			this.decimals = NumberFormat.getInstance(Languages.isRightToLeft(locale)
					? new ULocale("fa_IR@numbers=arabext") : ULocale.forLocale(locale));
			decimals.setMinimumFractionDigits(1);
			decimals.setMaximumFractionDigits(1);
		}

		String message(String key, Object... args) {
			return messages.getMessage(key, args, key, locale);
		}

		Cell label(String key) {
			String text = message(key);
			return new Cell(text, text, false);
		}

		Cell count(long count) {
			if (SmallCounts.hidden(count)) {
				String text = message("reporting.fewerThan", formats.number(SmallCounts.THRESHOLD, locale));
				return new Cell(text, text, true);
			}
			return new Cell(formats.number(count, locale), count, true);
		}

		Cell amount(Integer euros) {
			return euros == null ? none() : new Cell(formats.number(euros, locale), euros, true);
		}

		Cell hours(double hours) {
			return new Cell(decimals.format(hours), hours, true);
		}

		Cell year(int year) {
			return new Cell(formats.digits(String.valueOf(year), locale), year, false);
		}

		Cell withheld() {
			String text = message("reporting.withheld", formats.number(SmallCounts.THRESHOLD, locale));
			return new Cell(text, text, true);
		}

		Cell none() {
			return new Cell(message("reporting.noValue"), "", true);
		}

		/** A figure whose chart has one bar per row: the label from the row, the length from one numeric column. */
		Figure figure(String id, List<String> columns, List<List<Cell>> rows, Function<List<Cell>, String> barLabel,
				int valueColumn) {
			String prefix = "reporting." + id + ".";
			List<String> headers = columns.stream().map(c -> message(prefix + c)).toList();
			List<BarChart.Entry> entries = rows.stream().map(row -> {
				Cell cell = row.get(valueColumn);
				Double value = cell.value() instanceof Number n ? n.doubleValue() : null;
				return new BarChart.Entry(barLabel.apply(row), value, cell.text());
			}).toList();
			BarChart chart = BarChart.of(message(prefix + "chart"), message("reporting.chartDescription"),
					Languages.isRightToLeft(locale), entries);
			return new Figure(id, message(prefix + "title"), message(prefix + "intro"), message(prefix + "sheet"), headers,
					List.copyOf(rows), chart);
		}

	}

}
