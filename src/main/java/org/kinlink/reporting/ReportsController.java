package org.kinlink.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.i18n.Languages;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The association's anonymous reports for supervisors and administrators: five figures as tables and bar charts
 * drawn on the server, and the same figures as CSV or XLSX downloads (each download audited).
 */
@Controller
@RequestMapping("/staff/reports")
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
class ReportsController {

	static final String VIEW = "reporting/reports";

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Reports reports;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final Clock clock;

	ReportsController(Reports reports, MessageSource messages, AuditTrail audit, Clock clock) {
		this.reports = reports;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	public String showReports(Model model, Locale locale) {
		List<Figure> figures = reports.figures(locale);
		model.addAttribute("figures", figures);
		model.addAttribute("threshold", SmallCounts.THRESHOLD);
		return VIEW;
	}

	@GetMapping("/export.csv")
	public ResponseEntity<byte[]> exportCsv(Locale locale) {
		byte[] body = ReportExports.csv(reports.figures(locale), messages.getMessage("reporting.section", null, locale),
				messages.getMessage("reporting.empty", null, locale));
		return download(body, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	@GetMapping("/export.xlsx")
	public ResponseEntity<byte[]> exportXlsx(Locale locale) {
		byte[] body = ReportExports.xlsx(reports.figures(locale), Languages.isRightToLeft(locale),
				messages.getMessage("reporting.empty", null, locale));
		return download(body, "xlsx", XLSX);
	}

	private ResponseEntity<byte[]> download(byte[] body, String format, MediaType type) {
		audit.record(AuditEvent.success("report.export", "report", format));
		String filename = "kinlink-report-" + LocalDate.now(clock) + "." + format;
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
