package org.kinlink.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinlink.cases.statistics.CaseFigures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * The association's reports (issue #4 item 7): every figure on the page and in both exports against known rows,
 * small counts hidden everywhere, an empty database, the roles that may not see them, and Persian pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class ReportsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	CaseFigures figures;

	@TempDir
	Path temp;

	@BeforeEach
	void emptySchema() {
		figures = new CaseFigures(jdbc, LocalDate.now(clock));
		figures.clear();
	}

	static RequestPostProcessor supervisor() {
		return user("report.supervisor").roles("SUPERVISOR");
	}

	/** Known rows plus six people housed and employed at 1200 euros: some counts show, the small ones do not. */
	void mixedRows() {
		figures.insertKnownRows();
		figures.insertHousedAndEmployed(6, 1200);
	}

	@Test
	void aSupervisorSeesEveryFigureWithSmallCountsHidden() throws Exception {
		mixedRows();
		Document page = page("en", supervisor());

		assertThat(rows(page, "services")).containsExactly(List.of("Employment", "Completed", "fewer than 5"),
				List.of("Housing", "Active", "9"), List.of("Housing", "Completed", "fewer than 5"));
		assertThat(rows(page, "employment")).containsExactly(List.of("Employed", "10", "1,200", "1,144"),
				List.of("Self-employed", "fewer than 5", "withheld (fewer than 5 people)", "withheld (fewer than 5 people)"),
				List.of("Unemployed", "fewer than 5", "withheld (fewer than 5 people)", "withheld (fewer than 5 people)"));
		assertThat(rows(page, "departures")).containsExactly(List.of("2024", "fewer than 5"), List.of("2025", "7"));
		assertThat(rows(page, "delays")).containsExactly(
				List.of("2024", "Police", "fewer than 5", "fewer than 5", "20.0", "30.0", "0"),
				List.of("2024", "UN agency", "fewer than 5", "fewer than 5", "80.0", "80.0", "fewer than 5"),
				List.of("2025", "Police", "fewer than 5", "0", "2.5", "2.5", "0"));
		assertThat(rows(page, "closures")).containsExactly(List.of("Open", "9"), List.of("Closed: resettled", "fewer than 5"),
				List.of("Closed: self-reliant", "fewer than 5"));
		assertThat(page.text()).doesNotContain("T-").doesNotContain("Provider").doesNotContain("Tirana");
	}

	@Test
	void chartsAreInlineSvgWithTitleDescriptionAndNoStyleAttribute() throws Exception {
		mixedRows();
		Document page = page("en", user("report.admin").roles("ADMIN"));
		Element chart = page.selectFirst("#services svg");
		assertThat(chart).isNotNull();
		assertThat(chart.attr("role")).isEqualTo("img");
		assertThat(chart.selectFirst("title").text()).isEqualTo("People per service and status");
		assertThat(chart.selectFirst("desc").text()).contains("table below");
		assertThat(chart.attr("aria-labelledby")).isEqualTo("services-chart-title services-chart-desc");
		assertThat(chart.select("rect")).as("one bar per shown count; hidden counts draw no bar").hasSize(1);
		assertThat(chart.select("text").eachText()).contains("Housing · Active", "9", "fewer than 5");
		assertThat(page.select("[style]")).isEmpty();
		assertThat(page.select("script:not([src])")).isEmpty();
		assertThat(page.select("svg")).hasSize(5);
	}

	@Test
	void theLongestBarFillsTheChartAndOthersAreInProportion() throws Exception {
		figures.insertHousedAndEmployed(10, 1000);
		figures.insertHousedAndEmployed(5, 1000);
		jdbc.sql("update cases.case_file set state = 'CLOSED', closure_reason = 'RESETTLED', closed_at = opened_at "
				+ "where id in (select id from cases.case_file limit 5)").update();
		Element chart = page("en", supervisor()).selectFirst("#closures svg");
		List<Integer> widths = chart.select("rect").stream().map(r -> Integer.parseInt(r.attr("width"))).toList();
		assertThat(widths).containsExactly(290, 145);
	}

	@Test
	void anEmptyDatabaseShowsAnEmptyStateForEachFigure() throws Exception {
		Document page = page("en", supervisor());
		assertThat(page.select("[role=status]").eachText()).hasSize(5)
			.allMatch(text -> text.startsWith("No figures yet"));
		assertThat(page.select("svg")).isEmpty();
		assertThat(page.select("table")).isEmpty();
	}

	@Test
	void inPersianThePageIsRightToLeftWithPersianDigits() throws Exception {
		mixedRows();
		Document page = page("fa", supervisor());
		assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
		assertThat(rows(page, "departures")).containsExactly(List.of("۲۰۲۴", "کمتر از ۵"), List.of("۲۰۲۵", "۷"));
		assertThat(rows(page, "employment").get(0)).containsExactly("کارمند یا کارگر", "۱۰", "۱٬۲۰۰", "۱٬۱۴۴");
		assertThat(rows(page, "delays").get(2)).contains("۲٫۵");
		assertThat(page.select("main td").eachText()).noneMatch(text -> text.matches(".*[0-9].*"));
		Element chart = page.selectFirst("#departures svg");
		assertThat(chart.attr("direction")).isEqualTo("rtl");
		Element label = chart.selectFirst("text");
		assertThat(Integer.parseInt(label.attr("x"))).as("labels sit on the right in Persian").isGreaterThan(320);
	}

	@Test
	void otherRolesAreRefused() throws Exception {
		for (String role : List.of("CASEWORKER", "TRANSLATOR", "INTAKE", "LIAISON", "AUDITOR")) {
			for (String path : List.of("/staff/reports", "/staff/reports/export.csv", "/staff/reports/export.xlsx")) {
				mvc.perform(get(path).with(user("someone").roles(role))).andExpect(status().isForbidden());
			}
		}
		mvc.perform(get("/staff/reports/export.csv")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theCsvExportHasEveryFigureInTheReadersLanguageWithSmallCountsHidden() throws Exception {
		mixedRows();
		MvcResult result = mvc.perform(get("/staff/reports/export.csv").param("lang", "sq").with(supervisor()))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;").contains(".csv");
		assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
		byte[] body = result.getResponse().getContentAsByteArray();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		List<List<String>> records = parseCsv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));

		assertThat(records.get(0)).containsExactly("Seksioni", "Shërbimi", "Gjendja", "Persona");
		assertThat(records).contains(List.of("Persona të mbështetur, sipas shërbimit dhe gjendjes", "Strehim", "Në vazhdim", "9"),
				List.of("Persona të mbështetur, sipas shërbimit dhe gjendjes", "Punësim", "E përfunduar", "më pak se 5"),
				List.of("Puna dhe të ardhurat tani", "I/e punësuar", "10", "1200", "1144"),
				List.of("Largimet në vit", "2025", "7"), List.of("Largimet në vit", "2024", "më pak se 5"),
				List.of("Vonesat e njoftimeve", "2025", "Policia", "më pak se 5", "0", "2.5", "2.5", "0"),
				List.of("Dosje të hapura dhe mbylljet", "E hapur", "9"));
		assertThat(records.stream().filter(r -> r.get(0).equals("Seksioni"))).hasSize(5);
		assertThat(records.stream().flatMap(List::stream)).noneMatch(f -> f.matches("[1-4]"));
	}

	@Test
	void theCsvExportOfAnEmptyDatabaseSaysSoInEachSection() throws Exception {
		byte[] body = mvc.perform(get("/staff/reports/export.csv").param("lang", "en").with(supervisor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> records = parseCsv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
		assertThat(records).hasSize(10);
		assertThat(records.get(1)).hasSize(2).last().asString().startsWith("No figures yet");
	}

	@Test
	void theXlsxExportHasOneSheetPerFigure() throws Exception {
		mixedRows();
		MvcResult result = mvc.perform(get("/staff/reports/export.xlsx").param("lang", "fa").with(supervisor()))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentType()).isEqualTo(ReportsController.XLSX.toString());
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;").contains(".xlsx");
		Map<String, String> parts = unzip(result.getResponse().getContentAsByteArray());

		assertThat(parts).containsKeys("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
				"xl/worksheets/sheet5.xml");
		assertThat(parts).doesNotContainKey("xl/worksheets/sheet6.xml");
		assertThat(characters(parts.get("xl/workbook.xml"))).contains("name=\"خدمات\"", "name=\"کار و درآمد\"", "name=\"خروج‌ها\"",
				"name=\"تأخیر اطلاع‌رسانی\"", "name=\"بستن پرونده‌ها\"");
		assertThat(characters(parts.get("xl/sharedStrings.xml"))).contains("شمار افراد", "کمتر از ۵", "مسکن");
		assertThat(parts.get("xl/worksheets/sheet1.xml")).contains("rightToLeft=\"true\"").contains("<v>9</v>");
		assertThat(parts.get("xl/worksheets/sheet2.xml")).contains("<v>1200</v>", "<v>1144</v>");
		assertThat(parts.get("xl/worksheets/sheet4.xml")).contains("<v>2.5</v>");
	}

	@Test
	void theXlsxExportOfAnEmptyDatabaseStillOpens() throws Exception {
		byte[] body = mvc.perform(get("/staff/reports/export.xlsx").with(supervisor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Map<String, String> parts = unzip(body);
		assertThat(parts).containsKeys("xl/worksheets/sheet1.xml", "xl/worksheets/sheet5.xml");
		assertThat(characters(parts.get("xl/sharedStrings.xml"))).contains("No figures yet");
	}

	private Document page(String language, RequestPostProcessor who) throws Exception {
		String html = mvc.perform(get("/staff/reports").param("lang", language).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(html);
	}

	private static List<List<String>> rows(Document page, String figure) {
		return page.select("#" + figure + " tbody tr").stream().map(tr -> tr.select("td").eachText()).toList();
	}

	/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records; fails on anything else. */
	static List<List<String>> parseCsv(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				assertThat(field).as("quote inside an unquoted field").isEmpty();
				quoted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r') {
				assertThat(text.charAt(i + 1)).isEqualTo('\n');
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				i++;
			}
			else {
				field.append(c);
			}
		}
		assertThat(quoted).as("unterminated quote").isFalse();
		assertThat(record).as("last record ends with CRLF").isEmpty();
		return records;
	}

	/** The XML text with numeric character references (as the writer puts non-ASCII names) decoded. */
	private static String characters(String xml) {
		return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);")
			.matcher(xml)
			.replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
	}

	/** Reads the archive by its central directory, as Excel does (the streaming writer leaves local sizes at 0). */
	private Map<String, String> unzip(byte[] bytes) throws IOException {
		Path file = Files.createTempFile(temp, "report", ".xlsx");
		Files.write(file, bytes);
		Map<String, String> parts = new LinkedHashMap<>();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				try (InputStream in = zip.getInputStream(entry)) {
					parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		assertThat(parts).as("a zip archive").isNotEmpty();
		return parts;
	}

}
